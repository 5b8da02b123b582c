using Comments.Core.Comments;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Counts an author's latest comments by their current status from the author index, so
/// moderation changes are reflected without counters to keep in step. Trust only asks "a few
/// published and no recent rejection", so a short window keeps the lookup cheap.
/// </summary>
public sealed class RedisAuthorHistory(IConnectionMultiplexer redis, TimeProvider clock) : IAuthorHistory
{
    public const int Window = 20;
    public static readonly TimeSpan RecentRejectionWindow = TimeSpan.FromDays(30);

    public async Task<AuthorRecord> GetAsync(string site, string emailDigest, CancellationToken ct = default)
    {
        var comments = await RedisCommentStore.LatestOfAuthorAsync(redis.GetDatabase(), site, emailDigest, Window);
        var since = clock.GetUtcNow() - RecentRejectionWindow;
        return new AuthorRecord(
            comments.Count(c => c.Status == CommentStatus.Published),
            comments.Count(c => c.Status == CommentStatus.Pending),
            comments.Count(c => c.Status == CommentStatus.Rejected),
            comments.Count(c => c.Status == CommentStatus.Spam),
            comments.Count(c => c.Status is CommentStatus.Rejected or CommentStatus.Spam && (c.UpdatedAt ?? c.CreatedAt) >= since));
    }
}
