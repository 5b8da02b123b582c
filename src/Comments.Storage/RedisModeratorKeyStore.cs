using System.Text.Json;
using Comments.Core.Moderation;
using StackExchange.Redis;

namespace Comments.Storage;

public sealed class RedisModeratorKeyStore(IConnectionMultiplexer redis) : IModeratorKeyStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<Moderator?> FindAsync(string keyDigest, CancellationToken ct = default)
    {
        var value = await Db.HashGetAsync(RedisKeys.Moderators(), keyDigest);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, ModerationStorageJson.Default.Moderator);
    }

    public Task AddAsync(string keyDigest, Moderator moderator, CancellationToken ct = default) =>
        Db.HashSetAsync(RedisKeys.Moderators(), keyDigest, JsonSerializer.Serialize(moderator, ModerationStorageJson.Default.Moderator));

    public Task<bool> RemoveAsync(string keyDigest, CancellationToken ct = default) =>
        Db.HashDeleteAsync(RedisKeys.Moderators(), keyDigest);
}
