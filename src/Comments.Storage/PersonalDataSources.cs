using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The store's shares of a personal-data request, in one list for the service (registered by
/// <see cref="StorageServiceCollectionExtensions.AddCommentStorage"/>) and the admin CLI. A feature
/// outside the store's classes adds its own with <see cref="StorageServiceCollectionExtensions.AddPersonalDataSource{T}"/>.
/// </summary>
public static class PersonalDataSources
{
    public static readonly Type[] Types =
        [typeof(RedisFlagPersonalData), typeof(RedisLikePersonalData), typeof(RedisAuditPersonalData), typeof(RedisBanPersonalData), typeof(RedisSubscriptionPersonalData),
         typeof(RedisCommentPersonalData)];

    public static IReadOnlyList<IPersonalDataSource> Create(IConnectionMultiplexer redis) =>
        Types.Select(t => (IPersonalDataSource)Activator.CreateInstance(t, redis)!).ToList();
}
