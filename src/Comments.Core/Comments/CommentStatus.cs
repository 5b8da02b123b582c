namespace Comments.Core.Comments;

/// <summary>Readers only ever see <see cref="Published"/> (design.md, Statuses).</summary>
public enum CommentStatus
{
    Published,
    Pending,
    Spam,
    Rejected,
    Deleted,
}
