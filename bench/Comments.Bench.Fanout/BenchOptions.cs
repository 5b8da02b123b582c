using System.Globalization;

namespace Comments.Bench.Fanout;

/// <summary>Command-line options, each with a bounded default.</summary>
/// <param name="Port">The server's port (the service's embedded store takes the next one); a free port when not given.</param>
/// <param name="Variants">The service again with extra settings, by name: <c>--variant 'name|KEY=VAL KEY=VAL'</c> (repeatable) runs as server <c>service:name</c>.</param>
public sealed record BenchOptions(int[] Readers, int Posts, double Rate, int Sources, string[] Servers, string? Redis, string RepoRoot, int? Port = null,
    IReadOnlyDictionary<string, Dictionary<string, string>>? Variants = null, int FloodConnections = 0)
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
        var variants = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] != "--variant") continue;
            var (name, settings) = args[i + 1].Split('|', 2) is [var n, var kv] ? (n, kv) : throw new ArgumentException("--variant 'name|KEY=VAL KEY=VAL'");
            // Separated by spaces, as in bench/wrk/run.sh: a value may hold commas (a Redis connection string).
            variants[name] = settings.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : throw new ArgumentException($"--variant {name}: {pair[0]} has no '='"));
        }
        // Each variant runs right after the plain service, so the two see the same machine.
        var servers = (Value("--servers") ?? "service,baseline").Split(',')
            .SelectMany(server => server == "service" ? [server, .. variants.Keys.Select(name => $"service:{name}")] : new[] { server })
            .ToArray();
        int? port = Value("--port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        // --flood N: wrk posts new comments to other threads of the site over N connections, as fast
        // as it can, for the whole measured window (the service only: the floor has no such endpoint).
        var flood = int.Parse(Value("--flood") ?? "0", CultureInfo.InvariantCulture);
        return new BenchOptions(readers, posts, rate, sources, servers, Value("--redis"), FindRoot(), port, variants, flood);
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
