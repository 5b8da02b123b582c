using Comments.Core.Comments;

namespace Comments.Core.Events;

public enum CommentEventKind
{
    /// <summary>A comment became visible to readers (at submission or approved later).</summary>
    Published,
    /// <summary>A comment was held for a moderator (pending or spam).</summary>
    Held,
    /// <summary>A published comment changed (edited, pinned).</summary>
    Updated,
    /// <summary>A published comment stopped being visible (rejected, deleted, marked spam).</summary>
    Removed,
}

/// <param name="PublishedCount">The thread's published count after the change.</param>
public sealed record CommentEvent(CommentEventKind Kind, Comment Comment, long PublishedCount);
