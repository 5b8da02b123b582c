using Comments.Core.Comments;
using Comments.Core.Moderation;

namespace Comments.Core.Events;

/// <summary>What a change means to the thread's readers and the site's queues.</summary>
public enum CommentEventKind
{
    /// <summary>A comment became visible to readers (at submission or approved later).</summary>
    Published,
    /// <summary>A new comment was held for a moderator (pending or spam).</summary>
    Held,
    /// <summary>A published comment changed (edited, pinned).</summary>
    Updated,
    /// <summary>A published comment stopped being visible (rejected, deleted, marked spam, or sent back by its author's edit).</summary>
    Removed,
    /// <summary>A comment readers do not see changed (moved between moderators' queues, edited while held).</summary>
    Moved,
    /// <summary>A reader's new like was counted: <see cref="CommentEvent.Likes"/> is the comment's count.</summary>
    Liked,
    /// <summary>Reader flags reached the site's threshold: the comment joined the reported queue.</summary>
    Reported,
}

/// <summary>Who made the change.</summary>
public enum CommentEventSource { Submission, Moderator, Author, Reader }

/// <summary>
/// One change to one comment, and everything any subscriber (readers' hub, moderators' hub and
/// counts; later mail, webhooks, metrics) needs to react to it without reading the store again.
/// </summary>
/// <param name="Comment">The comment as it is after the change.</param>
/// <param name="PublishedCount">The thread's published count after the change; null when the change cannot alter it (a like, a report).</param>
public sealed record CommentEvent(CommentEventKind Kind, Comment Comment, long? PublishedCount = null)
{
    public CommentEventSource Source { get; init; } = CommentEventSource.Submission;

    /// <summary>The comment before the change, for a moderator's or author's change; null for a new comment, a like or a report.</summary>
    public Comment? Before { get; init; }

    /// <summary>For a moderator's change: whether the comment was in the reported queue before it.</summary>
    public bool WasReported { get; init; }

    /// <summary>For <see cref="CommentEventKind.Liked"/>: the comment's like count after the like.</summary>
    public long? Likes { get; init; }

    /// <summary>The one event of a stored moderator or author change (<see cref="ChangeOutcome"/>).</summary>
    public static CommentEvent Changed(CommentEventSource source, ChangeOutcome outcome) =>
        new(ModerationService.ReaderEvent(outcome.Before, outcome.After) ?? CommentEventKind.Moved, outcome.After, outcome.PublishedCount)
        {
            Source = source,
            Before = outcome.Before,
            WasReported = outcome.WasReported,
        };
}
