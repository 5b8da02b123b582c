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

    public async Task<AuthorHistory> GetAsync(string site, string emailDigest, CancellationToken ct = default) =>
        Of(await RedisCommentStore.LatestOfAuthorAsync(redis.GetDatabase(), site, emailDigest, Window), clock);

    /// <summary>Counts comments by their current status; the one way an author history is made.</summary>
    public static AuthorHistory Of(IReadOnlyCollection<Comment> comments, TimeProvider clock)
    {
        var since = clock.GetUtcNow() - RecentRejectionWindow;
        long Count(CommentStatus s) => comments.Count(c => c.Status == s);
        return new AuthorHistory(Count(CommentStatus.Published), Count(CommentStatus.Pending), Count(CommentStatus.Rejected), Count(CommentStatus.Spam),
            comments.Count(c => c.Status is CommentStatus.Rejected or CommentStatus.Spam && (c.UpdatedAt ?? c.CreatedAt) >= since),
            Count(CommentStatus.Deleted));
    }
}
