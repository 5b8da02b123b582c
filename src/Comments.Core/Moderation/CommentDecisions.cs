using Comments.Core.Comments;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Moderation;

/// <summary>
/// What each moderator action does to a comment in a given state. Pure: the store applies the
/// change atomically, and calls this again on the fresh state when another write won the race.
/// </summary>
public sealed class CommentDecisions(CommentRenderer renderer)
{
    public Decision Decide(Moderator who, ModerationCommand command, Comment c, bool reported, DateTimeOffset now)
    {
        var action = command.Action;
        switch (action)
        {
            case ModerationAction.Approve:
                if (c.Status == CommentStatus.Published && !reported) return new Decision.Unchanged();
                return Move(who, command, c, CommentStatus.Published, now, label: "approve");
            case ModerationAction.Reject:
                if (!RejectReasons.IsKnown(command.Reason))
                    return new Decision.Refused(ErrorCodes.ModerationInvalid, $"reason is one of: {string.Join(", ", RejectReasons.All)}.");
                if (c.Status == CommentStatus.Rejected) return new Decision.Unchanged();
                return Move(who, command, c, CommentStatus.Rejected, now, label: "reject");
            case ModerationAction.Spam:
                if (c.Status == CommentStatus.Spam) return new Decision.Unchanged();
                return Move(who, command, c, CommentStatus.Spam, now, label: "spam");
            case ModerationAction.Delete:
                if (c.Status == CommentStatus.Deleted) return new Decision.Unchanged();
                return Move(who, command, c, CommentStatus.Deleted, now, label: null);
            case ModerationAction.Restore:
                if (c.Status is CommentStatus.Published or CommentStatus.Pending)
                    return new Decision.Refused(ErrorCodes.ModerationNotAllowed, "Only a rejected, spam or deleted comment can be restored.");
                return Move(who, command, c, CommentStatus.Pending, now, label: null);
            case ModerationAction.Edit:
                return Edit(who, command, c, now);
            case ModerationAction.Pin or ModerationAction.Unpin:
                var pin = action == ModerationAction.Pin;
                if (c.Status != CommentStatus.Published)
                    return new Decision.Refused(ErrorCodes.ModerationNotAllowed, "Only a published comment can be pinned.");
                if (c.Pinned == pin) return new Decision.Unchanged();
                return new Decision.Change(c with { Pinned = pin },
                    Audit(who, command, c, new AuditState(Pinned: c.Pinned), new AuditState(Pinned: pin), now), null, false);
            default:
                return new Decision.Refused(ErrorCodes.ModerationInvalid, "Unknown action.");
        }
    }

    private Decision Edit(Moderator who, ModerationCommand command, Comment c, DateTimeOffset now)
    {
        var text = command.Text ?? "";
        // The same text rule as a submission and an author's edit; the field code is the rule's.
        if (EditedTextValidator.Check(command.Text) is { } error)
            return new Decision.Refused(ErrorCodes.ModerationInvalid, error.Message, error.Code);
        if (c.Status == CommentStatus.Deleted)
            return new Decision.Refused(ErrorCodes.ModerationNotAllowed, "A deleted comment cannot be edited; restore it first.");
        if (text == c.Text) return new Decision.Unchanged();
        var after = c with { Text = text, Html = renderer.Render(text), UpdatedAt = now };
        return new Decision.Change(after,
            Audit(who, command, c, new AuditState(Text: c.Text), new AuditState(Text: text), now), null, false);
    }

    private static Decision.Change Move(Moderator who, ModerationCommand command, Comment c, CommentStatus to, DateTimeOffset now, string? label)
    {
        var after = c with { Status = to, Pinned = to == CommentStatus.Published && c.Pinned };
        return new Decision.Change(after,
            Audit(who, command, c, new AuditState(Status: Name(c.Status)), new AuditState(Status: Name(to)), now),
            label is null ? null : new Label(c.Id, c.ThreadId, c.Text, label, label == "reject" ? command.Reason : null, now),
            ClearReports: true);
    }

    private static AuditEntry Audit(Moderator who, ModerationCommand command, Comment c, AuditState before, AuditState after, DateTimeOffset now) =>
        new(0, now, who.Name, command.Action.ToLowerName(), c.Id, c.ThreadId, command.Reason, before, after);

    public static string Name(CommentStatus status) => status.ToLowerName();
}
