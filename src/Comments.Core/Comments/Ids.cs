namespace Comments.Core.Comments;

/// <summary>
/// The one place that says what an id from a request may look like. Every id that reaches a
/// store key (site, thread, comment, idempotency key) passes one of these checks at the edge,
/// and <c>RedisKeys</c> checks again, so a malformed id can never name a key.
/// </summary>
public static class Ids
{
    public const int SiteLength = 64;
    public const int ThreadLength = 128;
    public const int CommentLength = 20;
    public const int IdempotencyKeyLength = 128;

    /// <summary>Configured site ids: 1–64 lower-case letters, digits, '-' or '_'.</summary>
    public static bool IsSite(string? value) =>
        value is { Length: > 0 and <= SiteLength } && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>Thread ids, the embedding page's own id: 1–128 letters, digits, '-', '_', '.', ':' or '~'.</summary>
    public static bool IsThread(string? value) =>
        value is { Length: > 0 and <= ThreadLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~');

    /// <summary>Comment ids: the site's sequence number, 1–20 digits.</summary>
    public static bool IsComment(string? value) =>
        value is { Length: > 0 and <= CommentLength } && value.All(char.IsAsciiDigit);

    /// <summary>Idempotency keys: 1–128 visible ASCII characters.</summary>
    public static bool IsIdempotencyKey(string? value) =>
        value is { Length: > 0 and <= IdempotencyKeyLength } && value.All(c => c is > ' ' and < '\u007f');

    public static string Site(string value) => IsSite(value) ? value : throw new InvalidIdException("site");
    public static string Thread(string value) => IsThread(value) ? value : throw new InvalidIdException("thread");
    public static string Comment(string value) => IsComment(value) ? value : throw new InvalidIdException("comment");
    public static string IdempotencyKey(string value) => IsIdempotencyKey(value) ? value : throw new InvalidIdException("Idempotency-Key");
}

/// <summary>An id that slipped past the edge's check reached a store key: a 400, never a key.</summary>
public sealed class InvalidIdException(string kind) : ArgumentException($"Not a valid {kind} id.")
{
    public string Kind { get; } = kind;
}
