using Comments.Core.Comments;

namespace Comments.Core.Moderation;

/// <summary>
/// The queues a moderator works. Each is a status, except <see cref="Reported"/>: published
/// comments that readers flagged often enough, still visible until a moderator decides.
/// </summary>
public enum ModerationQueue
{
    Pending,
    Spam,
    Reported,
    Published,
    Rejected,
    Deleted,
}

public static class ModerationQueues
{
    public static string Name(this ModerationQueue queue) => queue.ToLowerName();

    public static bool TryParse(string? value, out ModerationQueue queue)
    {
        queue = default;
        return value is not null && value.All(char.IsAsciiLetterLower) && Enum.TryParse(value, ignoreCase: true, out queue);
    }

    public static CommentStatus? Status(this ModerationQueue queue) => queue switch
    {
        ModerationQueue.Pending => CommentStatus.Pending,
        ModerationQueue.Spam => CommentStatus.Spam,
        ModerationQueue.Published => CommentStatus.Published,
        ModerationQueue.Rejected => CommentStatus.Rejected,
        ModerationQueue.Deleted => CommentStatus.Deleted,
        _ => null,
    };

    public static ModerationQueue Of(CommentStatus status) => status switch
    {
        CommentStatus.Pending => ModerationQueue.Pending,
        CommentStatus.Spam => ModerationQueue.Spam,
        CommentStatus.Published => ModerationQueue.Published,
        CommentStatus.Rejected => ModerationQueue.Rejected,
        _ => ModerationQueue.Deleted,
    };
}

/// <summary>Sizes of every queue of a site, for the tabs.</summary>
public sealed record QueueCounts(long Pending, long Spam, long Reported, long Published, long Rejected, long Deleted);
