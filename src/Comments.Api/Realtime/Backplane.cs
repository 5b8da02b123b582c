using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace Comments.Api.Realtime;

public static class Backplane
{
    /// <summary>
    /// SignalR for both hubs (readers' and moderators') on the Redis backplane, configured here only.
    /// The backplane is always on and uses the store's own connection (embedded Garnet by default,
    /// Redis when configured), so one node and many nodes run the same code and there is no second
    /// connection setting to keep in step.
    /// </summary>
    public static IServiceCollection AddSignalRBackplane(this IServiceCollection services)
    {
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IServiceProvider>((redis, sp) =>
            redis.ConnectionFactory = _ => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }
}
