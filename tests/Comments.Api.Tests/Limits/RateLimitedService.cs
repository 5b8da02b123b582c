using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Limits;

/// <summary>
/// A service with real, small request limits (not the 100000 of the shared services), listening
/// on every interface so a test can also reach it from this host's non-loopback address: a peer
/// that is not a trusted proxy, whose <c>X-Forwarded-For</c> must be ignored.
/// </summary>
public sealed class RateLimitedService : IAsyncLifetime
{
    public const int PostsPerMinute = 3;

    private string? _dataDir;

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>This host's first non-loopback IPv4 address, or null if it has none.</summary>
    public static IPAddress? ExternalAddress { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    public async ValueTask InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("comments-ratelimits-").FullName;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(TestSites.Environment(_dataDir, redis: null, embeddedPort: FreePort.Next()))
        {
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}",
            ["RateLimits__PostsPerMinute"] = PostsPerMinute.ToString(),
        };
        Service = await ServiceProcess.StartAsync(environment, port);
    }

    /// <summary>A client whose connection comes from loopback: a trusted proxy, so X-Forwarded-For is the reader.</summary>
    public HttpClient CreateClient() => Service.CreateClient();

    /// <summary>A client that connects to this host's external address: not a trusted proxy.</summary>
    public HttpClient CreateUntrustedClient(IPAddress external) =>
        new() { BaseAddress = new Uri($"http://{external}:{Service.Port}"), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
    }
}
