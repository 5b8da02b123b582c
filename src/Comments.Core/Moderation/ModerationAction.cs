namespace Comments.Core.Moderation;

/// <summary>What a moderator can do to one comment.</summary>
public enum ModerationAction
{
    /// <summary>Publish it (from any queue); on a reported comment, dismisses the reports.</summary>
    Approve,
    /// <summary>Hide it with a <see cref="RejectReasons">reason code</see>.</summary>
    Reject,
    Spam,
    Delete,
    /// <summary>Bring a rejected, spam or deleted comment back to the pending queue for a fresh decision.</summary>
    Restore,
    /// <summary>Replace the text; the old text is kept in the audit log.</summary>
    Edit,
    Pin,
    Unpin,
}

public static class RejectReasons
{
    public const string Offensive = "offensive";
    public const string Abusive = "abusive";
    public const string Spam = "spam";
    public const string OffTopic = "off-topic";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Offensive, Abusive, Spam, OffTopic, Other];

    public static bool IsKnown(string? reason) => reason is not null && All.Contains(reason, StringComparer.Ordinal);
}
