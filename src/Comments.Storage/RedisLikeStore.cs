using Comments.Core.Engagement;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// A set of reader digests per comment (SADD decides "first like by this reader" atomically), a
/// per-thread hash of counts (one HGETALL for a page), and a per-address counter with a day's expiry.
/// </summary>
public sealed class RedisLikeStore(IConnectionMultiplexer redis) : ILikeStore
{
    private static readonly TimeSpan AddressWindow = TimeSpan.FromDays(1);

    private IDatabase Db => redis.GetDatabase();

    public async Task<LikeOutcome> LikeAsync(string site, string threadId, string commentId, string readerKey, string addressKey, CancellationToken ct = default)
    {
        var db = Db;
        var counts = RedisKeys.ThreadLikes(site, threadId);
        if (await db.SetContainsAsync(RedisKeys.Likers(site, commentId), readerKey))
            return new LikeOutcome(LikeStatus.AlreadyLiked, await CountAsync(db, counts, commentId));

        var fromAddress = RedisKeys.LikesFromAddress(site, commentId, addressKey);
        var given = await db.StringIncrementAsync(fromAddress);
        if (given == 1) await db.KeyExpireAsync(fromAddress, AddressWindow);
        if (given > ReaderKeys.LikesPerAddressAndComment)
            return new LikeOutcome(LikeStatus.TooMany, await CountAsync(db, counts, commentId));

        if (!await db.SetAddAsync(RedisKeys.Likers(site, commentId), readerKey))
            return new LikeOutcome(LikeStatus.AlreadyLiked, await CountAsync(db, counts, commentId));
        return new LikeOutcome(LikeStatus.Counted, await db.HashIncrementAsync(counts, commentId));
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(string site, string threadId, CancellationToken ct = default)
    {
        var entries = await Db.HashGetAllAsync(RedisKeys.ThreadLikes(site, threadId));
        return entries.ToDictionary(e => (string)e.Name!, e => (long)e.Value);
    }

    private static async Task<long> CountAsync(IDatabase db, RedisKey counts, string commentId) =>
        (long?)await db.HashGetAsync(counts, commentId) ?? 0;
}
