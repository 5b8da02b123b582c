using Comments.Core.Comments;

namespace Comments.Core.Storage;

/// <summary>Comments and threads. One implementation: Redis protocol (Redis or embedded Garnet).</summary>
public interface ICommentStore
{
    /// <summary>The next per-site sequence number; gaps are harmless, order is what matters.</summary>
    Task<long> NextSequenceAsync(string site, CancellationToken ct = default);

    /// <summary>Writes a comment and every index that points at it in one transaction.</summary>
    Task<SaveOutcome> SaveNewAsync(NewCommentWrite write, CancellationToken ct = default);

    Task<Comment?> GetAsync(string site, string id, CancellationToken ct = default);

    Task<CommentThread?> GetThreadAsync(string site, string threadId, CancellationToken ct = default);

    /// <summary>Published comments of a thread in sequence order, one page after a cursor.</summary>
    Task<CommentPage> ListPublishedAsync(string site, string threadId, PageQuery query, CancellationToken ct = default);

    /// <summary>Published counts of many threads in one round trip; unknown threads count 0.</summary>
    Task<IReadOnlyDictionary<string, long>> CountPublishedAsync(string site, IReadOnlyCollection<string> threadIds, CancellationToken ct = default);

    Task SetThreadClosedAsync(string site, string threadId, bool closed, CancellationToken ct = default);

    /// <summary>Sets the thread's title and page URL (a moderator's correction); a null leaves that one as it is.</summary>
    Task SetThreadDetailsAsync(string site, string threadId, string? title, string? url, CancellationToken ct = default);

    /// <summary>A round trip to the store, for readiness.</summary>
    Task<TimeSpan> PingAsync(CancellationToken ct = default);
}

public enum SortOrder { Oldest, Newest }

/// <param name="After">Exclusive sequence bound in the direction of <paramref name="Sort"/>; null starts at the beginning.</param>
public sealed record PageQuery(SortOrder Sort, long? After, int Limit);

/// <param name="Thread">The thread, or null when it has no comment yet.</param>
/// <param name="NextCursor">The cursor of the next page, or null when this was the last.</param>
public sealed record CommentPage(IReadOnlyList<Comment> Comments, long PublishedCount, CommentThread? Thread, long? NextCursor);

/// <param name="TextDigest">Per-thread digest of the normalised text; a second write with it fails as a duplicate.</param>
/// <param name="Idempotency">The first answer to remember under the client's key, written in the same transaction.</param>
/// <param name="AuthorDigest">The author's email as <see cref="StoreDigests.Email"/> (the author-history index), or null without an email.</param>
/// <param name="Import">Set by an import: the write is conditional on the source row not being imported yet, and a repeated text is no duplicate.</param>
/// <param name="Flood">The site's flood window: the write is conditional on none of its keys being open, and opens them all.</param>
public sealed record NewCommentWrite(
    Comment Comment,
    string TextDigest,
    string? ThreadTitle,
    string? ThreadUrl,
    IdempotentAnswer? Idempotency,
    string? AuthorDigest,
    ImportOrigin? Import = null,
    FloodWindow? Flood = null);

/// <summary>
/// The author's flood keys (<c>ip:</c> and <c>email:</c> digests) and how long a stored comment keeps them open.
/// Opened in the comment's own transaction: a refused comment opens nothing, and of two concurrent comments
/// by one author only one is stored.
/// </summary>
public sealed record FloodWindow(IReadOnlyList<string> Keys, TimeSpan Interval);

/// <summary>
/// Where an imported comment came from. <paramref name="Source"/> names the import map (<c>wxr</c>, <c>disqus</c>),
/// <paramref name="SourceId"/> the row there; <paramref name="MapValue"/> is what the map keeps for it (the importer's
/// format); <paramref name="ThreadCreatedAt"/> is the post's publish date, the thread's creation time when it is new.
/// </summary>
public sealed record ImportOrigin(string Source, string SourceId, string MapValue, DateTimeOffset ThreadCreatedAt);

public sealed record IdempotentAnswer(string Key, SubmissionAnswer Answer);

/// <summary>What the client was first told: held answers carry no comment body.</summary>
public sealed record SubmissionAnswer(string Id, bool Published, PublicComment? Comment, string? AuthorNonce = null)
{
    /// <summary>A digest of the request that got this answer: a retry with the same key must match it (never shown).</summary>
    public string? RequestDigest { get; init; }
}

public enum SaveStatus { Saved, DuplicateText, IdempotencyKeyTaken, AlreadyImported, Flooded }

/// <param name="RetryAfter">With <see cref="SaveStatus.Flooded"/>: how long the longest open flood window still lasts.</param>
public sealed record SaveOutcome(SaveStatus Status, long PublishedCount, TimeSpan? RetryAfter = null);

public static class CommentStoreExtensions
{
    /// <summary>The comment with an id from a request, or null when there is none, or the id is not of <see cref="Ids.IsComment"/>'s pattern (nothing is read then).</summary>
    public static Task<Comment?> FindAsync(this ICommentStore store, string site, string id, CancellationToken ct = default) =>
        Ids.IsComment(id) ? store.GetAsync(site, id, ct) : Task.FromResult<Comment?>(null);
}
