namespace Comments.Core.Submissions;

/// <summary>
/// The one catalogue of stable error codes (STYLE.md habit 5): every <c>code</c> a ProblemDetails
/// or a hub error carries is a constant here, with its meaning. The README's API section lists the
/// same codes with their status (a test keeps the two equal); nothing else in src spells a code.
/// </summary>
public static class ErrorCodes
{
    // Requests: the body, the query, the limits.
    /// <summary>400: the body is not a JSON object.</summary>
    public const string MalformedJson = "request.malformed_json";
    /// <summary>400: a JSON field has a value of the wrong kind (a number where a string goes).</summary>
    public const string WrongType = "request.wrong_type";
    /// <summary>400: a form body that is not plain name=value pairs within the limits (<c>FormBody</c>).</summary>
    public const string MalformedForm = "request.malformed_form";
    /// <summary>413: the request body is over the endpoint's cap.</summary>
    public const string BodyTooLarge = "request.body_too_large";
    /// <summary>415: the body is not of the media type the endpoint reads.</summary>
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    /// <summary>408: the request body arrived too slowly.</summary>
    public const string BodyTimeout = "request.body_timeout";
    /// <summary>400: the body was cut off or malformed on the wire (broken chunk framing, a short body, the client went away).</summary>
    public const string BodyIncomplete = "request.body_incomplete";
    /// <summary>400: a query parameter is not valid (the <c>fields</c> entry names it).</summary>
    public const string BadQuery = "request.bad_query";
    /// <summary>400: an id that is not of its kind's pattern (<see cref="Comments.Ids"/>) reached the store layer.</summary>
    public const string InvalidId = "request.invalid_id";
    /// <summary>422: the same Idempotency-Key was sent with a different request (IETF Idempotency-Key draft).</summary>
    public const string IdempotencyKeyReused = "request.idempotency_key_reused";
    /// <summary>429: the per-address rate limit; see Retry-After.</summary>
    public const string RateLimited = "request.rate_limited";
    /// <summary>404: no endpoint at this path.</summary>
    public const string NotFound = "request.not_found";
    /// <summary>405: the path exists, the method does not.</summary>
    public const string MethodNotAllowed = "request.method_not_allowed";
    /// <summary>4xx: any other refusal ASP.NET itself answered.</summary>
    public const string RequestError = "request.error";

    // Fields: the per-field codes in a ProblemDetails' <c>fields</c> list.
    /// <summary>400: a required field is missing, or white space and invisible characters alone.</summary>
    public const string Required = "field.required";
    /// <summary>400: a field is over its limit in UTF-8 bytes.</summary>
    public const string TooLong = "field.too_long";
    /// <summary>400: C0/C1 control characters (tabs and line breaks are allowed in multi-line text).</summary>
    public const string ControlCharacters = "field.control_characters";
    /// <summary>400: lone surrogates, invalid UTF-8 or Unicode noncharacters.</summary>
    public const string InvalidUnicode = "field.invalid_unicode";
    /// <summary>400: bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make text read backwards.</summary>
    public const string BidiControl = "field.bidi_control";
    /// <summary>400: not an email address.</summary>
    public const string InvalidEmail = "field.invalid_email";
    /// <summary>400: not an http:// or https:// address (or, for a thread's page, not on the site's origins).</summary>
    public const string InvalidUrl = "field.invalid_url";
    /// <summary>400: not a language tag (<c>de</c>, <c>pt-BR</c>).</summary>
    public const string InvalidLanguage = "field.invalid_language";

    // Comments and threads.
    /// <summary>400: the comment (a submission or an author's edit) has field errors.</summary>
    public const string Validation = "comment.invalid";
    /// <summary>400: a thread id is not 1–128 letters, digits, '-', '_', '.', ':' or '~'.</summary>
    public const string InvalidThreadId = "thread.invalid_id";
    /// <summary>400: the comment replied to does not exist.</summary>
    public const string ParentNotFound = "comment.parent_not_found";
    /// <summary>400: the comment replied to is not published.</summary>
    public const string ParentNotPublished = "comment.parent_not_published";
    /// <summary>400: the comment replied to is in another thread.</summary>
    public const string ParentOtherThread = "comment.parent_other_thread";
    /// <summary>400: replies cannot be nested any deeper on this site.</summary>
    public const string ParentTooDeep = "comment.parent_too_deep";
    /// <summary>409: the thread is closed to new comments.</summary>
    public const string ThreadClosed = "comment.thread_closed";
    /// <summary>429: the same author or address posted too recently; see Retry-After.</summary>
    public const string Flood = "comment.rate_limited";
    /// <summary>409: the same text is already in this thread.</summary>
    public const string Duplicate = "comment.duplicate";
    /// <summary>404: no such comment (or not one the caller may see).</summary>
    public const string CommentNotFound = "comment.not_found";
    /// <summary>404: no such site on this server.</summary>
    public const string SiteNotFound = "site.not_found";

    // Engagement: likes, flags, the author's own changes, the no-JavaScript form.
    /// <summary>400: a reader token is not 16–64 letters, digits, '-' or '_'.</summary>
    public const string LikeInvalidReader = "like.invalid_reader";
    /// <summary>429: too many likes for one comment from one address.</summary>
    public const string LikeRateLimited = "like.rate_limited";
    /// <summary>400: a flag's reason is not one of offensive, abusive, spam, off-topic, other.</summary>
    public const string FlagInvalid = "flag.invalid";
    /// <summary>409: this reader already flagged this comment.</summary>
    public const string AlreadyFlagged = "flag.already_flagged";
    /// <summary>403: the author token does not match the comment.</summary>
    public const string AuthorBadToken = "author.bad_token";
    /// <summary>409: the site's window for an author's edit or delete has passed.</summary>
    public const string AuthorWindowClosed = "author.window_closed";
    /// <summary>403: the form's Origin (or Referer) is not one of the site's AllowedOrigins.</summary>
    public const string FormOriginNotAllowed = "form.origin_not_allowed";

    // Mail subscriptions.
    /// <summary>501: this server has no mail configured (<c>Mail:Host</c>), so it takes no subscriptions.</summary>
    public const string MailDisabled = "mail.disabled";
    /// <summary>400: a subscription request has field errors.</summary>
    public const string SubscriptionInvalid = "subscription.invalid";
    /// <summary>400: a confirm, manage or unsubscribe link that is not signed by this server, is for another site, or has expired.</summary>
    public const string SubscriptionBadLink = "subscription.bad_link";
    /// <summary>400: a post announcement has field errors.</summary>
    public const string PostInvalid = "post.invalid";
    /// <summary>400 (field): the post's published date is not an ISO 8601 date and time.</summary>
    public const string PostInvalidDate = "post.invalid_date";

    // Moderation.
    /// <summary>401: no moderator key was sent.</summary>
    public const string AuthMissingKey = "auth.missing_key";
    /// <summary>401: the moderator key is not valid.</summary>
    public const string AuthInvalidKey = "auth.invalid_key";
    /// <summary>403: the moderator key may not moderate that site.</summary>
    public const string AuthForbiddenSite = "auth.forbidden_site";
    /// <summary>403: the request needs an admin key (personal-data export and erasure).</summary>
    public const string AuthAdminRequired = "auth.admin_required";
    /// <summary>403: the metrics endpoint is only served to this machine (Telemetry:Metrics).</summary>
    public const string MetricsForbidden = "metrics.forbidden";
    /// <summary>400: a moderator request has field errors.</summary>
    public const string ModerationInvalid = "moderation.invalid";
    /// <summary>409: the action does not apply to the comment in its state.</summary>
    public const string ModerationNotAllowed = "moderation.action_not_allowed";
    /// <summary>404: no such ban in force.</summary>
    public const string BanNotFound = "moderation.ban_not_found";
    /// <summary>400: a personal-data request has field errors (the email).</summary>
    public const string PersonalDataInvalid = "personal_data.invalid";
    /// <summary>400: a personal-data link that is not signed by this server, is for another site, or has expired.</summary>
    public const string PersonalDataBadLink = "personal_data.bad_link";
    /// <summary>400: an imported file is not a readable WXR or Disqus export (what was read before the error is imported).</summary>
    public const string ImportBadFile = "import.bad_file";
    /// <summary>503: an import with score=true while the model is not loaded.</summary>
    public const string ImportModelUnavailable = "import.model_unavailable";

    // The live stream (a HubException "{code}: {text}", or a 429 before the connection).
    /// <summary>hub: no such site.</summary>
    public const string RealtimeUnknownSite = "realtime.unknown_site";
    /// <summary>hub: not a valid thread id.</summary>
    public const string RealtimeBadThread = "realtime.bad_thread";
    /// <summary>hub: a connection follows too many threads.</summary>
    public const string RealtimeTooManyThreads = "realtime.too_many_threads";
    /// <summary>429: too many live connections from one address.</summary>
    public const string RealtimeTooManyConnections = "realtime.too_many_connections";

    // The server.
    /// <summary>500: something went wrong on our side (logged with the trace id).</summary>
    public const string Internal = "server.error";
    /// <summary>503: the store is down or not ready; nothing was stored, retry after Retry-After.</summary>
    public const string StoreUnavailable = "server.store_unavailable";
    /// <summary>507: the embedded store reached its capacity (<c>Storage:EmbeddedCapacity</c>); nothing was stored, reads keep working.</summary>
    public const string StoreFull = "server.store_full";
}
