using Comments.Core.Submissions;

namespace Comments.Core.Moderation;

/// <param name="Reason">The reject reason code (<see cref="RejectReasons"/>); a free note for other actions.</param>
/// <param name="Text">The new text, for <see cref="ModerationAction.Edit"/>.</param>
public sealed record ModerationCommand(ModerationAction Action, string? Reason = null, string? Text = null);

/// <summary>The result of one action on one comment.</summary>
public sealed record ModerationResult(ModerationResultKind Kind, ChangeOutcome? Outcome = null, string? Code = null, string? Message = null)
{
    public static readonly ModerationResult NotFound = new(ModerationResultKind.NotFound, Code: ErrorCodes.CommentNotFound, Message: "No such comment.");
}

public enum ModerationResultKind { Done, NotFound, Refused }
