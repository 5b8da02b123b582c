namespace Comments.Core.Moderation;

/// <summary>
/// A moderator decision kept as a training label: the latest decision on a comment wins.
/// <paramref name="Decision"/> is approve, reject or spam; <paramref name="Reason"/> the reject reason.
/// </summary>
public sealed record Label(string CommentId, string ThreadId, string Text, string Decision, string? Reason, DateTimeOffset At);
