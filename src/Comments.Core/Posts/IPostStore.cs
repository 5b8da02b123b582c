using Comments.Core.Outbox;
using Comments.Core.Subscriptions;

namespace Comments.Core.Posts;

/// <summary>A post of the site, as its owner announced it (or its feed listed it).</summary>
/// <param name="Id">The digest of <paramref name="Url"/> (<see cref="PostIds.Of"/>): one post per URL.</param>
public sealed record Post(string Id, string Url, string Title, string? Summary, DateTimeOffset? Published, DateTimeOffset Announced);

public enum AnnounceResult
{
    /// <summary>Stored, and its mail queued in the same transaction.</summary>
    Announced,
    /// <summary>Stored without mail (a feed's first read records what is there).</summary>
    Recorded,
    /// <summary>A post with this URL was announced or recorded before: nothing changed, nothing is sent.</summary>
    Known,
}

/// <summary>Posts and their new-posts mail: each URL is announced once, and its mail work is queued with it.</summary>
public interface IPostStore
{
    /// <summary>
    /// Stores the post unless its URL is known, and in the same transaction queues <paramref name="perPost"/>
    /// (mail to the per-post subscribers) and adds the post to each digest frequency's open batch, opening
    /// one (and queuing its mail for when it is due) where none is open. With <paramref name="perPost"/>
    /// null the post is only recorded.
    /// </summary>
    Task<AnnounceResult> AnnounceAsync(Post post, string site, OutboxItem? perPost, IReadOnlyList<DigestBatch> digests,
        DateTimeOffset now, CancellationToken ct = default);

    Task<Post?> GetAsync(string site, string id, CancellationToken ct = default);

    /// <summary>The post ids of one digest batch.</summary>
    Task<IReadOnlyList<string>> DigestAsync(string site, PostFrequency frequency, long batch, CancellationToken ct = default);

    /// <summary>Takes the site's feed lease for <paramref name="lease"/> unless another node holds it.</summary>
    Task<bool> TryLeaseFeedAsync(string site, string node, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Whether the site's feed was read (and its items recorded) before.</summary>
    Task<bool> FeedSeenAsync(string site, CancellationToken ct = default);

    /// <summary>Marks the site's feed read, after its first items were recorded.</summary>
    Task MarkFeedSeenAsync(string site, CancellationToken ct = default);
}

/// <summary>A digest frequency's batching: how long a batch stays open, and the outbox item that mails it once it is due.</summary>
public sealed record DigestBatch(PostFrequency Frequency, TimeSpan Period, Func<long, OutboxItem> Mail);
