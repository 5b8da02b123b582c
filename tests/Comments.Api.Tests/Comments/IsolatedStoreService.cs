using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// A service whose store nobody else writes to, so a test can diff the whole keyspace around
/// one request: embedded Garnet of its own, or a redis-server database (<see cref="RedisDatabase"/>)
/// that no other test service uses. Its test class runs its tests one after another, and the
/// service does nothing in the background that writes keys, so any difference is the request's.
/// </summary>
public abstract class IsolatedStoreService(StoreBackend? backend) : IAsyncLifetime
{
    /// <summary>The redis-server database of the isolated service; every other test service uses 0.</summary>
    public const int RedisDatabase = 11;

    private string? _dataDir;
    private ServiceProcess? _service;
    private ConnectionMultiplexer? _store;

    private int Database => backend?.RedisAddress is null ? 0 : RedisDatabase;

    public ServiceProcess Service => _service ?? throw Skip();

    public HttpClient CreateClient() => Service.CreateClient();

    public Task<KeyspaceSnapshot> SnapshotAsync() => KeyspaceSnapshot.TakeAsync(_store ?? throw Skip(), Database);

    public async ValueTask InitializeAsync()
    {
        if (backend is null) return;
        _dataDir = Directory.CreateTempSubdirectory("comments-isolated-").FullName;
        var embeddedPort = FreePort.Next();
        var redis = backend.RedisAddress is { } address ? $"{address},defaultDatabase={RedisDatabase}" : null;
        var admin = backend.RedisAddress is { } a ? $"{a},allowAdmin=true" : $"127.0.0.1:{embeddedPort},allowAdmin=true";
        if (backend.RedisAddress is not null)
        {
            // Left over from an earlier run against the same redis-server.
            await using var cleaner = await ConnectionMultiplexer.ConnectAsync(admin);
            await cleaner.GetServers()[0].FlushDatabaseAsync(RedisDatabase);
        }
        _service = await ServiceProcess.StartAsync(TestSites.Environment(_dataDir, redis, embeddedPort));
        _store = await ConnectionMultiplexer.ConnectAsync(admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static Exception Skip()
    {
        StoreBackend.SkipUnlessRedis();
        return new InvalidOperationException("unreachable");
    }
}

public sealed class IsolatedGarnetService() : IsolatedStoreService(StoreBackend.Garnet);

public sealed class IsolatedRedisService() : IsolatedStoreService(StoreBackend.Redis);
