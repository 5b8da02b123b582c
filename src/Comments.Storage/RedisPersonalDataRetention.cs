using Comments.Core;
using Comments.Core.Comments;
using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Walks every comment of a site through its status indexes (a comment is in exactly one), 500 at
/// a time, and purges the old ones, each in one transaction conditioned on the JSON read (a
/// moderator's change in between wins, and the next run purges it). The walk reads the whole site
/// on every run: its cost grows with the site (one MGET per 500 comments).
/// </summary>
public sealed class RedisPersonalDataRetention(IConnectionMultiplexer redis, StoreDigests digests) : IPersonalDataRetention
{
    private const int Chunk = 500;

    public async Task<int> PurgeAsync(string site, DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        await digests.ReadyAsync(ct);
        var purged = 0;
        foreach (var status in Enum.GetValues<CommentStatus>())
        {
            var position = double.NegativeInfinity;
            while (!ct.IsCancellationRequested)
            {
                var entries = await db.SortedSetRangeByScoreWithScoresAsync(RedisKeys.Status(site, status), position, double.PositiveInfinity,
                    Exclude.Start, Order.Ascending, 0, Chunk);
                if (entries.Length == 0) break;
                var keys = entries.Select(e => RedisKeys.Comment(site, (string)e.Element!)).ToArray();
                var values = await db.StringGetAsync(keys);
                for (var i = 0; i < values.Length; i++)
                {
                    if (RedisCommentStore.Deserialize(values[i]) is { } c && c.CreatedAt < cutoff && HoldsPersonalData(c)
                        && await PurgeOneAsync(db, keys[i], values[i], c)) purged++;
                }
                if (entries.Length < Chunk) break;
                position = entries[^1].Score;
            }
        }
        return purged;
    }

    private static bool HoldsPersonalData(Comment c) => c.Ip != AddressKeys.Unknown || c.AuthorEmail is not null || c.UserAgent is not null;

    private async Task<bool> PurgeOneAsync(IDatabase db, RedisKey key, RedisValue raw, Comment c)
    {
        var tx = redis.NewTransaction();
        tx.AddCondition(Condition.StringEqual(key, raw));
        _ = tx.StringSetAsync(key, RedisCommentStore.Serialize(c with { Ip = AddressKeys.Unknown, UserAgent = null, AuthorEmail = null }));
        if (c.AuthorEmail is { } email) _ = tx.SortedSetRemoveAsync(RedisKeys.Author(c.Site, digests.Email(email)), c.Id);
        return await tx.ExecuteGatedAsync();
    }
}
