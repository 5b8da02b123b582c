namespace Comments.Bench.Http;

public sealed class BenchOptions
{
    public int Seconds { get; private set; } = 10;
    public int Workers { get; private set; } = 32;
    /// <summary>Closed-loop POSTs before each target's measured phases, so the JIT and the store have settled.</summary>
    public int WarmupSeconds { get; private set; } = 2;
    public string? Redis { get; private set; }
    public string ApiDll { get; private set; } = DefaultApiDll();
    public int EchoPort { get; } = FreePort();
    public int ApiPort { get; } = FreePort();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IEnumerable<(string Name, string? Redis)> Backends()
    {
        yield return ("embedded Garnet", null);
        if (Redis is not null) yield return ("redis-server", Redis);
    }

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when int.TryParse(value, out var s) && s > 0: options.Seconds = s; i++; break;
                case "--workers" when int.TryParse(value, out var w) && w > 0: options.Workers = w; i++; break;
                case "--warmup" when int.TryParse(value, out var u) && u >= 0: options.WarmupSeconds = u; i++; break;
                case "--redis" when value is not null: options.Redis = value; i++; break;
                case "--api" when value is not null: options.ApiDll = Path.GetFullPath(value); i++; break;
                default: return null;
            }
        }
        return File.Exists(options.ApiDll) ? options : Missing(options.ApiDll);
    }

    private static BenchOptions? Missing(string dll)
    {
        Console.Error.WriteLine($"{dll} not found: run 'dotnet build -c Release src/Comments.Api' first.");
        return null;
    }

    private static string DefaultApiDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comments.sln")))
                return Path.Combine(dir.FullName, "src", "Comments.Api", "bin", "Release", "net10.0", "Comments.Api.dll");
        }
        return "Comments.Api.dll";
    }
}
