using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Faults;

/// <summary>
/// A store of the test's own that a test may break: on Garnet, the embedded store of a service
/// started only to host it; on Redis, a database of the test Redis that no other test uses. A
/// service under test connects to it as to any Redis.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private const int RedisDatabase = 11;
    private readonly ServiceProcess? _host;
    private readonly string? _hostDataDir;

    private TestStore(ConnectionMultiplexer connection, string connectionString, int database, ServiceProcess? host, string? hostDataDir)
    {
        Connection = connection;
        ConnectionString = connectionString;
        Database = database;
        _host = host;
        _hostDataDir = hostDataDir;
    }

    public ConnectionMultiplexer Connection { get; }
    public string ConnectionString { get; }
    public int Database { get; }

    public static async Task<TestStore> StartAsync(StoreBackend backend)
    {
        if (backend.RedisAddress is { } redis)
        {
            var connectionString = StoreBackend.WithDatabase(redis, RedisDatabase);
            return new TestStore(await ConnectionMultiplexer.ConnectAsync(redis), connectionString, StoreBackend.Database(RedisDatabase), null, null);
        }
        var dataDir = Directory.CreateTempSubdirectory("comments-store-").FullName;
        var port = FreePort.Next();
        var host = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, redis: null, embeddedPort: port));
        var address = $"127.0.0.1:{port}";
        return new TestStore(await ConnectionMultiplexer.ConnectAsync(address), address, 0, host, dataDir);
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string pattern)
    {
        var keys = new List<string>();
        await foreach (var key in StoreScan.KeysAsync(Connection, Database, pattern)) keys.Add(key!);
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        if (_hostDataDir is not null) Directory.Delete(_hostDataDir, recursive: true);
    }
}
