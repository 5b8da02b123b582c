using StackExchange.Redis;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// The real service with mail on, sending to a real smtp4dev of its own (<see cref="Smtp4devProcess"/>),
/// on one store backend. Thread batches are set an hour apart so that only the test that wants one sees one.
/// On redis-server each mail fixture has a database of its own (flushed first): two services whose workers
/// shared one outbox would send each other's mail to the wrong smtp4dev.
/// </summary>
public abstract class MailFixture(StoreBackend? backend, int redisDatabase, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    /// <summary>A site whose <c>Language</c> is French.</summary>
    public const string FrenchSite = "t-mail-fr";

    private ServiceProcess? _service;
    private Smtp4devProcess? _smtp;
    private ConnectionMultiplexer? _store;
    private string? _dataDir;
    private IReadOnlyDictionary<string, string>? _environment;

    public ServiceProcess Service => _service ?? throw SkipNow();
    public Smtp4devProcess Smtp => _smtp ?? throw SkipNow();
    public IDatabase Store => (_store ?? throw SkipNow()).GetDatabase();
    public IServer StoreServer => (_store ?? throw SkipNow()).GetServers()[0];
    public string PublicUrl => Service.BaseAddress.ToString().TrimEnd('/');

    public HttpClient CreateClient() => Service.CreateClient();

    public async ValueTask InitializeAsync()
    {
        if (backend is null) return;
        _smtp = await Smtp4devProcess.StartAsync();
        _dataDir = Directory.CreateTempSubdirectory("comments-mail-").FullName;
        var embeddedPort = FreePort.Next();
        var port = FreePort.Next();
        string? redis = null;
        if (backend.RedisAddress is { } address)
        {
            redis = $"{address},defaultDatabase={redisDatabase}";
            await using var cleaner = await ConnectionMultiplexer.ConnectAsync($"{address},allowAdmin=true");
            await cleaner.GetServers()[0].FlushDatabaseAsync(redisDatabase);
        }
        var environment = TestSites.Environment(_dataDir, redis, embeddedPort)
            .Concat(new Dictionary<string, string>
            {
                ["Mail__Host"] = "127.0.0.1",
                ["Mail__Port"] = _smtp.SmtpPort.ToString(),
                ["Mail__Security"] = "None",
                ["Mail__From"] = "Comments <comments@example.com>",
                ["Mail__PublicUrl"] = $"http://127.0.0.1:{port}",
                ["Mail__ThreadBatchMinutes"] = "60",
                ["Outbox__PollMilliseconds"] = "50",
                [$"Sites__{TestSites.Open}__MailReplyTo"] = "Blog <blog@example.com>",
                [$"Sites__{FrenchSite}__Language"] = "fr",
            })
            .Concat(settings ?? new Dictionary<string, string>())
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        _environment = environment;
        _service = await ServiceProcess.StartAsync(environment, port);
        _store = await ConnectionMultiplexer.ConnectAsync(redis ?? $"127.0.0.1:{embeddedPort}");
    }

    /// <summary>SIGKILL the service (no shutdown, leases held), then start it again on the same store, port and settings.</summary>
    public async Task KillAndRestartAsync()
    {
        var port = Service.Port;
        await Service.KillAsync();
        await Service.DisposeAsync();
        _service = await ServiceProcess.StartAsync(_environment!, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (_smtp is not null) await _smtp.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static Exception SkipNow()
    {
        StoreBackend.SkipUnlessRedis();
        return new InvalidOperationException("unreachable");
    }
}

public sealed class GarnetMailService() : MailFixture(StoreBackend.Garnet, 0);

/// <summary>Fast retries, short leases and many attempts: for the tests that take the SMTP server or the service down.</summary>
public static class OutageSettings
{
    public static readonly IReadOnlyDictionary<string, string> Values = new Dictionary<string, string>
    {
        ["Outbox__RetryBaseSeconds"] = "0.2",
        ["Outbox__RetryMaxSeconds"] = "1",
        ["Outbox__LeaseSeconds"] = "5",
        ["Outbox__MaxAttempts"] = "100",
        // Thread batches every 6 s, for the batch test (the outage test's subscriber gets none: only replies to them).
        ["Mail__ThreadBatchMinutes"] = "0.1",
    };
}

public sealed class GarnetOutageService() : MailFixture(StoreBackend.Garnet, 0, OutageSettings.Values);

public sealed class RedisOutageService() : MailFixture(StoreBackend.Redis, 14, OutageSettings.Values);

public sealed class RedisMailService() : MailFixture(StoreBackend.Redis, 12);
