namespace Comments.Core.Moderation;

/// <summary>
/// One moderator action: who, when, what, and the state before and after. Entries are only ever
/// added. <paramref name="Action"/> is a comment action name (approve, edit, …) or a site action
/// (ban, unban, close, reopen).
/// </summary>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset At,
    string Moderator,
    string Action,
    string? CommentId,
    string? ThreadId,
    string? Reason,
    AuditState? Before,
    AuditState? After);

/// <summary>The parts of a comment (or a ban, or a thread) an action can change.</summary>
public sealed record AuditState(string? Status = null, string? Text = null, bool? Pinned = null, string? Detail = null);
