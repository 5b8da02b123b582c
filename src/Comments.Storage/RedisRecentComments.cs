using Comments.Core.Comments;
using Comments.Core.Engagement;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>Reads the per-status index <c>status:published</c> (maintained with every comment write) backwards.</summary>
public sealed class RedisRecentComments(IConnectionMultiplexer redis) : IRecentComments
{
    public async Task<(IReadOnlyList<string> Ids, long? NextCursor)> ListAsync(string site, long? before, int limit, CancellationToken ct = default)
    {
        var entries = await redis.GetDatabase().SortedSetRangeByScoreWithScoresAsync(RedisKeys.Status(site, CommentStatus.Published),
            double.NegativeInfinity, before ?? double.PositiveInfinity, Exclude.Stop, Order.Descending, 0, limit + 1);
        var page = entries.Take(limit).ToArray();
        return (page.Select(e => (string)e.Element!).ToList(), entries.Length > limit ? (long)page[^1].Score : null);
    }
}
