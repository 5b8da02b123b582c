using Comments.Core.Outbox;

namespace Comments.Core.Subscriptions;

/// <summary>What an address asked for on one site: follow-up comments of a thread, or the site's new posts.</summary>
public enum SubscriptionKind { Thread, Posts }

/// <summary>How a new-posts subscriber gets the site's posts: a mail per post, or one mail a day or a week gathering them.</summary>
public enum PostFrequency { Post, Daily, Weekly }

/// <summary>One subscription of an address; <paramref name="Thread"/> is null for <see cref="SubscriptionKind.Posts"/>.</summary>
/// <param name="Frequency">For <see cref="SubscriptionKind.Posts"/> only: per post (default), daily or weekly digest.</param>
public sealed record Subscription(SubscriptionKind Kind, string? Thread, bool Confirmed, PostFrequency Frequency = PostFrequency.Post);

/// <param name="Email">The address itself: for the mail sender only, never for an answer or a log.</param>
/// <param name="Language">The language the address last subscribed in (<c>de</c>), if the form said.</param>
public sealed record Subscriber(string Email, IReadOnlyList<Subscription> Subscriptions, string? Language = null);

public enum RequestResult
{
    /// <summary>Stored as pending; a confirmation mail is queued.</summary>
    ConfirmationQueued,
    /// <summary>Stored as pending; no mail, because the address got a confirmation mail in the last day.</summary>
    ConfirmationLimited,
    /// <summary>The address had confirmed this already.</summary>
    AlreadyConfirmed,
}

/// <summary>Subscribers by the digest of their address (<c>StoreDigests.Email</c>); the address is kept once, in the subscriber's record.</summary>
public interface ISubscriptionStore
{
    /// <summary>
    /// Stores a pending subscription and, unless the address was sent one within <paramref name="confirmationInterval"/>,
    /// queues <paramref name="confirmation"/> in the same transaction. A <paramref name="language"/> replaces the one kept
    /// for the address (its mails and pages are in it); null keeps it.
    /// </summary>
    Task<RequestResult> RequestAsync(string site, string digest, string email, Subscription subscription,
        OutboxItem confirmation, TimeSpan confirmationInterval, DateTimeOffset now, string? language, CancellationToken ct = default);

    /// <summary>The language the address subscribed in, if any.</summary>
    Task<string?> LanguageAsync(string site, string digest, CancellationToken ct = default);

    /// <summary>Confirms every pending subscription of the address (the link confirms the address). False when the address has none.</summary>
    Task<bool> ConfirmAsync(string site, string digest, CancellationToken ct = default);

    Task<Subscriber?> GetAsync(string site, string digest, CancellationToken ct = default);

    /// <summary>The address, when it has confirmed follow-up comments of the thread.</summary>
    Task<string?> ConfirmedForThreadAsync(string site, string digest, string thread, CancellationToken ct = default);

    /// <summary>Digests of the addresses that confirmed follow-up comments of the thread.</summary>
    Task<IReadOnlyList<string>> ThreadSubscribersAsync(string site, string thread, CancellationToken ct = default);

    /// <summary>Deletes the address and every subscription it had on the site. False when there was none.</summary>
    Task<bool> DeleteAsync(string site, string digest, CancellationToken ct = default);

    /// <summary>Stops one thread's follow-up mail to the address.</summary>
    Task RemoveThreadAsync(string site, string digest, string thread, CancellationToken ct = default);

    /// <summary>Stops the site's new-posts mail to the address (its other subscriptions stay).</summary>
    Task RemovePostsAsync(string site, string digest, CancellationToken ct = default);

    /// <summary>Changes how a new-posts subscription is delivered. False when the address has none.</summary>
    Task<bool> SetPostFrequencyAsync(string site, string digest, PostFrequency frequency, CancellationToken ct = default);

    /// <summary>Digests of the addresses that confirmed the site's new posts.</summary>
    Task<IReadOnlyList<string>> PostSubscribersAsync(string site, CancellationToken ct = default);

    /// <summary>The address and its delivery choice, when it has confirmed the site's new posts.</summary>
    Task<(string Email, PostFrequency Frequency)?> ConfirmedForPostsAsync(string site, string digest, CancellationToken ct = default);

    /// <summary>Adds a published comment to its thread's batch of one time window, and queues the batch's mail (once per window) for <paramref name="due"/>.</summary>
    Task AddToThreadBatchAsync(string site, string thread, long window, string commentId, OutboxItem batchMail, DateTimeOffset due, CancellationToken ct = default);

    /// <summary>The comment ids of a thread's batch.</summary>
    Task<IReadOnlyList<string>> ThreadBatchAsync(string site, string thread, long window, CancellationToken ct = default);
}
