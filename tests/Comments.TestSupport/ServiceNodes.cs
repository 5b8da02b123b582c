namespace Comments.TestSupport;

/// <summary>
/// The service processes one test starts as nodes on a shared store, each with a data folder of its own (and its
/// embedded store, if any, bound to loopback for the other nodes); all stopped and their folders removed on dispose.
/// </summary>
public sealed class ServiceNodes : IAsyncDisposable
{
    private readonly List<string> _dataDirs = [];
    private readonly List<ServiceProcess> _nodes = [];

    /// <param name="redis">The store to use, or null for the embedded one on <paramref name="embeddedPort"/> (0: any free port).</param>
    /// <param name="settings">More environment variables; they win over the defaults.</param>
    public async Task<ServiceProcess> StartAsync(string? redis, int embeddedPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-node-").FullName;
        _dataDirs.Add(dataDir);
        var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, redis, embeddedPort))
        {
            ["Storage__EmbeddedBind"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var node = await ServiceProcess.StartAsync(environment);
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        foreach (var dir in _dataDirs) Directory.Delete(dir, recursive: true);
    }
}
