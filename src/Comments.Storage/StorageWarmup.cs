using Comments.Core.Engagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Before the web server takes requests: starts the store connection (and the embedded server, which
/// recovers and checkpoints first), makes a real round trip, and loads the token secret, so the first
/// requests do not pay for any of it (or time out on it) and readiness means the store answers.
/// </summary>
internal sealed class StorageWarmup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        try
        {
            await redis.GetDatabase().PingAsync();
            await services.GetRequiredService<IServerSecret>().LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException or ServerSecretUnavailableException)
        {
            // A Redis that is down at start: the service still starts, answers 503 and reports not ready
            // until it is back; the secret is loaded at its first use then.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
