using Comments.Core.Comments;
using Comments.Core.Moderation;

namespace Comments.Core.Outbox;

/// <summary>The events moderators and their tools hear about (webhooks, alert mails), besides a comment being published.</summary>
public enum ModerationEventKind
{
    /// <summary>A new comment was stored pending, or a published one went back to pending (an author's edit).</summary>
    Held,
    /// <summary>A reader flagged a published comment; <see cref="ModerationEvent.BecameReported"/> when it reached the site's threshold.</summary>
    Reported,
    /// <summary>A moderator approved, rejected, marked as spam, deleted or restored a comment.</summary>
    Decided,
}

/// <summary>
/// One held / reported / decided event, as the store writes it into the outbox in the change's own transaction.
/// Carries no email and no IP: what triggers copy from it may leave the server.
/// </summary>
/// <param name="Id">Unique per event within the site (an outbox item id and a webhook delivery id are made from it).</param>
public sealed record ModerationEvent(ModerationEventKind Kind, string Id, Comment Comment, DateTimeOffset At)
{
    /// <summary>The moderator's name (<see cref="ModerationEventKind.Decided"/>); never a key.</summary>
    public string? Moderator { get; init; }
    /// <summary>approve, reject, spam, delete or restore (<see cref="ModerationEventKind.Decided"/>).</summary>
    public string? Action { get; init; }
    /// <summary>The reject reason code (decided) or the reader's flag reason (reported); a moderator's free note is left out.</summary>
    public string? Reason { get; init; }
    /// <summary>The status before a decision.</summary>
    public CommentStatus? Before { get; init; }
    /// <summary>Readers' flags on the comment, this one included (<see cref="ModerationEventKind.Reported"/>).</summary>
    public long Flags { get; init; }
    /// <summary>This flag put the comment on the reported queue.</summary>
    public bool BecameReported { get; init; }

    /// <summary>The moderator actions that are decisions (edit and pin are not).</summary>
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string>(StringComparer.Ordinal) { "approve", "reject", "spam", "delete", "restore" };

    /// <summary>A new comment stored pending.</summary>
    public static ModerationEvent? OfNew(Comment comment) =>
        comment.Status == CommentStatus.Pending ? new(ModerationEventKind.Held, $"held-{comment.Id}", comment, comment.CreatedAt) : null;

    /// <summary>
    /// What a change written with audit entry <paramref name="audit"/> (its sequence assigned) means: a
    /// moderator's decision, a published comment held again, or nothing to tell.
    /// </summary>
    public static ModerationEvent? OfChange(Comment before, Comment after, AuditEntry audit)
    {
        if (Decisions.Contains(audit.Action) && audit.Moderator != Engagement.AuthorChanges.Author)
        {
            return new ModerationEvent(ModerationEventKind.Decided, $"decided-{audit.Seq}", after, audit.At)
            {
                Moderator = audit.Moderator,
                Action = audit.Action,
                Reason = audit.Action == "reject" && RejectReasons.IsKnown(audit.Reason) ? audit.Reason : null,
                Before = before.Status,
            };
        }
        if (before.Status == CommentStatus.Published && after.Status == CommentStatus.Pending)
            return new ModerationEvent(ModerationEventKind.Held, $"held-{audit.Seq}", after, audit.At) { Before = before.Status };
        return null;
    }

    /// <summary>One reader's flag; <paramref name="id"/> is unique per flag (never derived from the reader).</summary>
    public static ModerationEvent OfFlag(string id, Comment comment, string reason, long flags, bool becameReported, DateTimeOffset at) =>
        new(ModerationEventKind.Reported, $"reported-{id}", comment, at) { Reason = reason, Flags = flags, BecameReported = becameReported };
}
