using StackExchange.Redis;

namespace Comments.Api.Tests.Infrastructure;

/// <summary>
/// One running service per backend, shared by the test classes of that backend. Tests use fresh
/// thread ids, so they do not see each other's comments. The fixture also connects to the same
/// store directly, so tests can prove that a refused request stored nothing.
/// </summary>
public abstract class ServiceFixture(StoreBackend? backend, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private ServiceProcess? _service;
    private ConnectionMultiplexer? _store;
    private string? _dataDir;

    public StoreBackend Backend => backend ?? throw SkipNow();

    public ServiceProcess Service => _service ?? throw SkipNow();

    public IDatabase Store => (_store ?? throw SkipNow()).GetDatabase();

    public HttpClient CreateClient() => Service.CreateClient();

    public async ValueTask InitializeAsync()
    {
        if (backend is null) return;
        _dataDir = Directory.CreateTempSubdirectory("comments-test-").FullName;
        var embeddedPort = FreePort.Next();
        var environment = TestSites.Environment(_dataDir, backend.RedisAddress, embeddedPort)
            .Concat(settings ?? new Dictionary<string, string>())
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        _service = await ServiceProcess.StartAsync(environment);
        _store = await ConnectionMultiplexer.ConnectAsync(backend.RedisAddress ?? $"127.0.0.1:{embeddedPort}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Every key of the store that belongs to the thread (its hash <c>thread:{thread}</c> and its
    /// indexes <c>thread-…:{thread}</c>): empty means nothing was stored for it.
    /// </summary>
    public async Task<IReadOnlyList<string>> KeysOfThreadAsync(string site, string thread)
    {
        var keys = new List<string>();
        await foreach (var key in StoreScan.KeysAsync(_store!, -1, $"c:{{{site}}}:thread*:{thread}")) keys.Add(key!);
        return keys;
    }

    private static Exception SkipNow()
    {
        StoreBackend.SkipUnlessRedis();
        return new InvalidOperationException("unreachable");
    }
}

public sealed class GarnetService() : ServiceFixture(StoreBackend.Garnet);

public sealed class RedisService() : ServiceFixture(StoreBackend.Redis);
