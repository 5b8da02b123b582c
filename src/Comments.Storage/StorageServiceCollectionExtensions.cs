using Comments.Core.Engagement;
using Comments.Core.Moderation;
using Comments.Core.Outbox;
using Comments.Core.PersonalData;
using Comments.Core.Storage;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDir), "Storage:DataDir is required.")
            .Validate(o => o.EmbeddedPort is >= 0 and <= 65_535, "Storage:EmbeddedPort must be between 0 (a free port) and 65535.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.EmbeddedBind), "Storage:EmbeddedBind is required.")
            .Validate(o => ByteSize.IsSize(o.EmbeddedCapacity), "Storage:EmbeddedCapacity is a size of at least 1m, e.g. 512m or 2g.")
            .Validate(o => o.EmbeddedCapacityWarnPercent is > 0 and <= 100, "Storage:EmbeddedCapacityWarnPercent must be between 1 and 100.")
            .Validate(o => o.EmbeddedAofCommitMilliseconds is >= 0 and <= 100, "Storage:EmbeddedAofCommitMilliseconds must be between 0 (a commit per write) and 100.")
            .Validate(o => o.TransactionConnections is >= 0 and <= 64, "Storage:TransactionConnections must be between 0 (transactions on the main connection) and 64.")
            .Validate(o => o.EmbeddedMinWorkerThreads is >= 0 and <= 1024, "Storage:EmbeddedMinWorkerThreads must be between 0 (the runtime's default) and 1024.")
            .Validate(o => o.EmbeddedCheckpointAofMegabytes >= 0 && o.EmbeddedCheckpointCheckSeconds >= 0 && o.MinFreeDiskMegabytes >= 0,
                "Storage:EmbeddedCheckpointAofMegabytes, Storage:EmbeddedCheckpointCheckSeconds and Storage:MinFreeDiskMegabytes must not be negative.")
            .ValidateOnStart();
        services.AddOptions<ServerSecretOptions>()
            .Bind(configuration.GetSection(ServerSecretOptions.Section))
            .Validate(o => o.TokenSecret is not { Length: > 0 and < 32 }, "Engagement:TokenSecret must be at least 32 characters.")
            .ValidateOnStart();
        // Which store to use decides what is registered, so it is read here, once.
        var redisConnection = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redisConnection))
        {
            services.AddSingleton<EmbeddedGarnet>();
            services.AddHostedService<EmbeddedCheckpoints>();
            services.AddSingleton<EmbeddedCapacity>();
        }

        ConfigurationOptions StoreConfiguration(IServiceProvider sp)
        {
            var connection = string.IsNullOrWhiteSpace(redisConnection)
                ? sp.GetRequiredService<EmbeddedGarnet>().ConnectionString
                : redisConnection;
            var config = ConfigurationOptions.Parse(connection);
            config.AbortOnConnectFail = false;
            config.ClientName ??= "comments";
            return config;
        }
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(StoreConfiguration(sp));
            sp.GetRequiredService<ILogger<RedisCommentStore>>()
                .LogInformation("Store: {Kind}", string.IsNullOrWhiteSpace(redisConnection) ? "embedded Garnet" : "Redis");
            return multiplexer;
        });
        // Opened by StorageWarmup, before the first request; disposed with the container.
        services.AddSingleton(sp => TransactionConnections.Open(sp.GetRequiredService<IConnectionMultiplexer>(), StoreConfiguration(sp),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.TransactionConnections));
        services.AddSingleton<IModerationStore, RedisModerationStore>();
        services.AddSingleton<Comments.Core.Stats.ISiteStatsStore, RedisSiteStatsStore>();
        services.AddSingleton<IModeratorKeyStore, RedisModeratorKeyStore>();
        services.AddHostedService<StorageWarmup>();
        services.AddSingleton<RedisCommentStore>();
        services.AddSingleton<ICommentStore>(sp => sp.GetRequiredService<RedisCommentStore>());
        services.AddSingleton<RedisSiteArchive>();
        services.AddSingleton<ISubmissionGuards, RedisSubmissionGuards>();
        services.AddSingleton<IAuthorHistory, RedisAuthorHistory>();
        services.AddSingleton<ILikeStore, RedisLikeStore>();
        services.AddSingleton<IRecentComments, RedisRecentComments>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IRequestWindows, RedisRequestWindows>();
        services.AddSingleton<IOutbox, RedisOutbox>();
        services.AddSingleton<IModeratorAlertStore, RedisModeratorAlerts>();
        services.AddSingleton<ISubscriptionStore, RedisSubscriptionStore>();
        services.AddSingleton<Core.Posts.IPostStore, RedisPostStore>();
        services.AddSingleton<IPersonalDataIndex, RedisPersonalDataIndex>();
        services.AddSingleton<IPersonalDataRetention, RedisPersonalDataRetention>();
        services.AddSingleton<IPersonalDataRequests, RedisPersonalDataRequests>();
        foreach (var type in PersonalDataSources.Types) services.AddSingleton(typeof(IPersonalDataSource), type);
        services.AddSingleton<RedisServerSecret>();
        services.AddSingleton<IServerSecret>(sp => sp.GetRequiredService<RedisServerSecret>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisServerSecret>());
        return services;
    }

    /// <summary>Adds one feature's share of personal-data export and erasure (<see cref="IPersonalDataSource"/>); the comments' share erases last.</summary>
    public static IServiceCollection AddPersonalDataSource<T>(this IServiceCollection services) where T : class, IPersonalDataSource =>
        services.AddSingleton<IPersonalDataSource, T>();
}
