using Comments.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Comments.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// One storage code path over the Redis protocol: the configured Redis when
    /// <c>ConnectionStrings:Redis</c> is set, otherwise the embedded Garnet server.
    /// </summary>
    public static IServiceCollection AddCommentStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var redisConnection = configuration.GetConnectionString("Redis");
        services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(redisConnection))
        {
            services.AddSingleton<EmbeddedGarnet>();
            services.AddHostedService<EmbeddedCheckpoints>();
            if (!options.EmbeddedStorageTier) services.AddSingleton<EmbeddedCapacity>();
        }

        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var connection = string.IsNullOrWhiteSpace(redisConnection)
                ? sp.GetRequiredService<EmbeddedGarnet>().ConnectionString
                : redisConnection;
            var config = ConfigurationOptions.Parse(connection);
            config.AbortOnConnectFail = false;
            config.ClientName ??= "comments";
            var multiplexer = ConnectionMultiplexer.Connect(config);
            sp.GetRequiredService<ILogger<RedisCommentStore>>()
                .LogInformation("Store: {Kind}", string.IsNullOrWhiteSpace(redisConnection) ? "embedded Garnet" : "Redis");
            return multiplexer;
        });
        services.AddSingleton<Core.Moderation.IModerationStore, RedisModerationStore>();
        services.AddSingleton<Core.Moderation.IModeratorKeyStore, RedisModeratorKeyStore>();
        services.AddHostedService<StorageWarmup>();
        services.AddSingleton<ICommentStore, RedisCommentStore>();
        services.AddSingleton<ISubmissionGuards, RedisSubmissionGuards>();
        services.AddSingleton<IAuthorHistory, RedisAuthorHistory>();
        services.AddSingleton<RedisServerSecret>();
        services.AddSingleton<Core.Engagement.IServerSecret>(sp => sp.GetRequiredService<RedisServerSecret>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisServerSecret>());
        return services;
    }
}
