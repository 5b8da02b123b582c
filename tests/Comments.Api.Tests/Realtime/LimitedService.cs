using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Realtime;

/// <summary>A service with tiny live-stream limits, so tests can reach them with a handful of connections.</summary>
public sealed class LimitedService : IAsyncLifetime
{
    public const int MaxThreads = 3;
    public const int MaxConnectionsPerIp = 2;
    public const int NegotiatesPerMinute = 3;

    private string? _dataDir;

    public ServiceProcess Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("comments-limits-").FullName;
        var environment = new Dictionary<string, string>(TestSites.Environment(_dataDir, redis: null, embeddedPort: 0))
        {
            ["Realtime__MaxThreadsPerConnection"] = MaxThreads.ToString(),
            ["Realtime__MaxConnectionsPerIp"] = MaxConnectionsPerIp.ToString(),
            ["RateLimits__NegotiatesPerMinute"] = NegotiatesPerMinute.ToString(),
        };
        Service = await ServiceProcess.StartAsync(environment);
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
    }
}
