namespace Comments.Core.Submissions;

/// <summary>Stable error codes the widget and API clients can translate (STYLE.md habit 5).</summary>
public static class ErrorCodes
{
    public const string Validation = "comment.invalid";
    public const string Required = "field.required";
    public const string TooLong = "field.too_long";
    public const string ControlCharacters = "field.control_characters";
    public const string InvalidUnicode = "field.invalid_unicode";
    /// <summary>Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make text read backwards.</summary>
    public const string BidiControl = "field.bidi_control";
    public const string InvalidEmail = "field.invalid_email";
    public const string InvalidUrl = "field.invalid_url";
    public const string InvalidThreadId = "thread.invalid_id";
    public const string ParentNotFound = "comment.parent_not_found";
    public const string ParentNotPublished = "comment.parent_not_published";
    public const string ParentOtherThread = "comment.parent_other_thread";
    public const string ParentTooDeep = "comment.parent_too_deep";
    public const string ThreadClosed = "comment.thread_closed";
    public const string Flood = "comment.rate_limited";
    public const string Duplicate = "comment.duplicate";
    public const string CommentNotFound = "comment.not_found";
    public const string SiteNotFound = "site.not_found";
    public const string MalformedJson = "request.malformed_json";
    public const string WrongType = "request.wrong_type";
    public const string BodyTooLarge = "request.body_too_large";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string RateLimited = "request.rate_limited";
    public const string BadQuery = "request.bad_query";
    public const string IdempotencyConflict = "request.idempotency_in_use";
    public const string NotFound = "request.not_found";
    /// <summary>An id that is not of its kind's pattern (<see cref="Comments.Ids"/>) reached the store layer.</summary>
    public const string InvalidId = "request.invalid_id";
    /// <summary>The same Idempotency-Key was sent with a different request (IETF Idempotency-Key draft: 422).</summary>
    public const string IdempotencyKeyReused = "request.idempotency_key_reused";
    /// <summary>A form body that is not plain name=value pairs within the limits (<c>FormBody</c>).</summary>
    public const string MalformedForm = "request.malformed_form";
    /// <summary>A request Kestrel found malformed while the app read it (broken chunk framing, a short body).</summary>
    public const string BadRequest = "request.bad_request";
    public const string Internal = "server.error";
    public const string StoreUnavailable = "server.store_unavailable";
    /// <summary>The embedded store reached its capacity (<c>Storage:EmbeddedCapacity</c>): new comments are refused with 507.</summary>
    public const string StoreFull = "server.store_full";
}
