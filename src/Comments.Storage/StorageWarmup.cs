using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Before the web server takes requests: starts the store connection (and the embedded server, which
/// recovers and checkpoints first) and the transactions' own connections, and makes a real round trip, so the
/// first requests do not pay for it (or time out on it) and readiness means the store answers. The token secret loads itself next
/// (<see cref="RedisServerSecret"/> is a hosted service registered after this one).
/// </summary>
internal sealed class StorageWarmup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        services.GetRequiredService<TransactionConnections>();
        try
        {
            await redis.GetDatabase().PingAsync();
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            // A Redis that is down at start: the service still starts, answers 503 and reports not ready
            // until it is back.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
