using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Comments.Storage.Tests;

/// <summary>
/// A real store for the storage classes, one per backend for the whole assembly: the embedded
/// Garnet exactly as the service hosts it (<see cref="EmbeddedGarnet"/>, in a folder of its own),
/// or the redis-server named by COMMENTS_TEST_REDIS (skipped without it, failed under CI).
/// Tests use fresh site ids and key digests, so they never see each other's data.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _connection;

    /// <summary>The store; without one (no Redis given) the test is skipped, or failed under CI.</summary>
    public IConnectionMultiplexer Connection
    {
        get
        {
            if (_connection is null) StoreBackend.SkipUnlessRedis();
            return _connection ?? throw new InvalidOperationException("no store was started");
        }
    }

    public async ValueTask InitializeAsync() => _connection = await ConnectAsync();

    /// <summary>Connects to the store, or returns null when this backend is not given here.</summary>
    protected abstract Task<ConnectionMultiplexer?> ConnectAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A site id no other test uses.</summary>
    public static string NewSite(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}

public sealed class GarnetStore : StoreFixture
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("comments-storage-").FullName;
    private EmbeddedGarnet? _garnet;

    protected override async Task<ConnectionMultiplexer?> ConnectAsync()
    {
        _garnet = Start(_dataDir);
        return await ConnectionMultiplexer.ConnectAsync(_garnet.ConnectionString);
    }

    /// <summary>The embedded store on <paramref name="dataDir"/>, with the service's defaults otherwise: the one place these tests make one.</summary>
    public static EmbeddedGarnet Start(string dataDir) => new(Options.Create(new StorageOptions { DataDir = dataDir }), NullLoggerFactory.Instance);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _garnet?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}

public sealed class RedisStore : StoreFixture
{
    /// <summary>A database of the test Redis that no other test project uses.</summary>
    private const int Database = 13;

    protected override async Task<ConnectionMultiplexer?> ConnectAsync() =>
        StoreBackend.Redis?.RedisAddress is { } address ? await ConnectionMultiplexer.ConnectAsync(StoreBackend.WithDatabase(address, Database)) : null;
}
