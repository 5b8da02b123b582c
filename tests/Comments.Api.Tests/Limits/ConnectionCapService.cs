using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Limits;

/// <summary>A service whose per-address TCP connection cap is small enough to reach with a handful of sockets.</summary>
public sealed class ConnectionCapService : IAsyncLifetime
{
    public const int MaxConnectionsPerAddress = 3;

    private string? _dataDir;

    public ServiceProcess Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("comments-conncap-").FullName;
        var environment = new Dictionary<string, string>(TestSites.Environment(_dataDir, redis: null, embeddedPort: 0))
        {
            ["Limits__MaxConnectionsPerAddress"] = MaxConnectionsPerAddress.ToString(),
        };
        Service = await ServiceProcess.StartAsync(environment);
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
    }
}
