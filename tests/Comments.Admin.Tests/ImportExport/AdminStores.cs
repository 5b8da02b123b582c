using Comments.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Comments.Admin.Tests.ImportExport;

/// <summary>
/// The stores the import and export commands are tested against: an embedded Garnet started as the
/// service starts it, in a folder of its own, and the redis-server named by COMMENTS_TEST_REDIS
/// (those cases skip without it). Tests use fresh site ids, so they never see each other's data.
/// </summary>
public sealed class AdminStores : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("comments-admin-").FullName;
    private EmbeddedGarnet? _garnet;
    private readonly Dictionary<string, ConnectionMultiplexer> _connections = [];

    public ValueTask InitializeAsync()
    {
        _garnet = new EmbeddedGarnet(Options.Create(new StorageOptions { DataDir = _dataDir }), NullLoggerFactory.Instance);
        return ValueTask.CompletedTask;
    }

    /// <summary>The store's address for <c>--redis</c>: "garnet" or "redis" (skipped without a Redis).</summary>
    public string Address(string backend)
    {
        if (backend == "garnet") return _garnet!.ConnectionString;
        StoreBackend.SkipUnlessRedis();
        return StoreBackend.Redis!.RedisAddress!;
    }

    public async Task<IConnectionMultiplexer> ConnectAsync(string backend)
    {
        if (!_connections.TryGetValue(backend, out var connection))
            _connections[backend] = connection = await ConnectionMultiplexer.ConnectAsync(Address(backend));
        return connection;
    }

    public static string NewSite(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values) await connection.DisposeAsync();
        _garnet?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
