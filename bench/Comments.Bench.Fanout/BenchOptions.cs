using System.Globalization;

namespace Comments.Bench.Fanout;

/// <summary>Command-line options, each with a bounded default.</summary>
/// <param name="Port">The server's port (the service's embedded store takes the next one); a free port when not given.</param>
public sealed record BenchOptions(int[] Readers, int Posts, double Rate, int Sources, string[] Servers, string? Redis, string RepoRoot, int? Port = null)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var readers = (Value("--readers") ?? "1000,5000,10000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var posts = int.Parse(Value("--posts") ?? "100", CultureInfo.InvariantCulture);
        var rate = double.Parse(Value("--rate") ?? "10", CultureInfo.InvariantCulture);
        var sources = int.Parse(Value("--sources") ?? "4", CultureInfo.InvariantCulture);
        if (readers.Any(r => r is < 1 or > 20_000) || posts is < 1 or > 2_000 || rate is <= 0 or > 1_000 || sources is < 1 or > 250)
            throw new ArgumentException("readers 1..20000, posts 1..2000, rate 0..1000/s, sources 1..250");
        var servers = (Value("--servers") ?? "service,baseline").Split(',');
        int? port = Value("--port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        return new BenchOptions(readers, posts, rate, sources, servers, Value("--redis"), FindRoot(), port);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comments.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Comments.sln not found above " + AppContext.BaseDirectory);
    }
}
