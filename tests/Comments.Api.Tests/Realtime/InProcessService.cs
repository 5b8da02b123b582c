using System.Net;
using Comments.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Comments.Api.Tests.Realtime;

/// <summary>
/// The service hosted in the test process on real Kestrel (a loopback port, real WebSockets),
/// with its embedded Garnet, so a test can reach its services, such as the one event publisher
/// the moderation endpoints will use.
/// </summary>
public sealed class InProcessService : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("comments-inproc-").FullName;
    private readonly int _port = FreePort.Next();
    private WebApplicationFactory<Program>? _factory;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    public IServiceProvider Services => _factory!.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public ValueTask InitializeAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in TestSites.Environment(_dataDir, redis: null, embeddedPort: 0))
                web.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        factory.StartServer();
        _factory = factory;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
