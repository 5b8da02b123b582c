namespace Comments.Core.Moderation;

/// <summary>Stable error codes of the moderation API and reader flags (STYLE.md habit 5).</summary>
public static class ModerationErrorCodes
{
    public const string MissingKey = "auth.missing_key";
    public const string InvalidKey = "auth.invalid_key";
    public const string ForbiddenSite = "auth.forbidden_site";
    public const string Invalid = "moderation.invalid";
    public const string NotAllowed = "moderation.action_not_allowed";
    public const string Conflict = "moderation.conflict";
    public const string CommentNotFound = "comment.not_found";
    public const string BanNotFound = "moderation.ban_not_found";
    public const string FlagInvalid = "flag.invalid";
    public const string AlreadyFlagged = "flag.already_flagged";
}
