using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;

namespace Comments.Api.Moderation;

public sealed record ModeratorResponse(string Name, string Role, IReadOnlyList<ModeratedSite> Sites);

public sealed record ModeratedSite(string Id, string DisplayName, int FlagThreshold);

/// <summary>Everything a moderator needs to decide on one comment. Only ever sent to an authenticated moderator over HTTP.</summary>
public sealed record ModerationItem(
    string Id,
    string Site,
    string ThreadId,
    ArticleLink? Article,
    string? ParentId,
    string Queue,
    string Status,
    string Text,
    string Html,
    string AuthorName,
    string? AuthorEmail,
    string? AuthorUrl,
    string Ip,
    string? UserAgent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    double? SpamScore,
    double? ToxicityScore,
    string? ModelVersion,
    IReadOnlyList<CommentReason> Reasons,
    bool Pinned,
    bool Reported,
    IReadOnlyDictionary<string, long> Flags,
    AuthorHistory? AuthorHistory,
    string Cursor);

/// <summary>The article a comment is under, as the site told us (widget's page) or a moderator corrected it.</summary>
public sealed record ArticleLink(string? Title, string? Url);

public sealed record QueueResponse(string Site, string Queue, IReadOnlyList<ModerationItem> Items, string? NextCursor, QueueCounts Counts);

/// <param name="Action">approve, reject, spam, delete, restore, edit, pin, unpin.</param>
/// <param name="Reason">For reject: offensive, abusive, spam, off-topic, other.</param>
/// <param name="Text">For edit: the new text.</param>
public sealed record ActionRequest(string? Action, string? Reason = null, string? Text = null);

public sealed record BulkActionRequest(string[]? Ids, string? Action, string? Reason = null);

/// <param name="Status">The HTTP status the single action would have answered.</param>
public sealed record BulkItemResult(string Id, int Status, string? Code, ModerationItem? Item);

public sealed record BulkActionResponse(IReadOnlyList<BulkItemResult> Results);

/// <summary>Ban by <c>value</c> (an email, IP address or name) or the author of <c>commentId</c>.</summary>
/// <param name="Kind">email, ip or name.</param>
public sealed record BanRequest(string? Kind, string? Value = null, string? CommentId = null, DateTimeOffset? ExpiresAt = null, string? Reason = null);

/// <summary>Lift a ban given as it was made, or by the <c>id</c> the ban list shows (then <c>kind</c> is not needed).</summary>
public sealed record LiftBanRequest(string? Kind, string? Value = null, string? CommentId = null, string? Id = null);

/// <param name="Shown">The banned value as moderators see it in the audit log.</param>
public sealed record BanResponse(string Kind, string Shown, DateTimeOffset? ExpiresAt);

/// <param name="Id">Lifts it: <c>POST /bans/lift {id}</c>.</param>
/// <param name="Shown">The value as moderators see it (emails masked); the stored key for bans older than this field.</param>
public sealed record BanListItem(string Id, string Kind, string Shown, string? Reason, string? By, DateTimeOffset? At, DateTimeOffset? ExpiresAt);

public sealed record BanListResponse(IReadOnlyList<BanListItem> Bans);

public sealed record ThreadStateResponse(string Thread, bool Closed);

/// <summary>A moderator's correction of a thread's title and page URL; a field left out stays as it is.</summary>
public sealed record ThreadDetailsRequest(string? Title, string? Url);

public sealed record ThreadDetailsResponse(string Thread, string? Title, string? Url);

public sealed record AuditResponse(IReadOnlyList<AuditEntry> Entries, string? NextCursor);
