namespace Comments.Core.Outbox;

/// <summary>
/// The durable outbox: per-site work items by due time. Items are added in the transaction of the change
/// that causes them (<see cref="IOutboxTrigger"/>) or alone (<see cref="EnqueueAsync"/>); a worker on
/// every node claims due items with a lease, so each is worked on by one node at a time, and a crashed
/// node's lease runs out and another node takes the item over.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds an item; an item with the same id that is still queued is left as it is.</summary>
    Task EnqueueAsync(OutboxItem item, DateTimeOffset due, CancellationToken ct = default);

    /// <summary>Claims up to <paramref name="max"/> items due at <paramref name="now"/> until <c>now + lease</c>.</summary>
    Task<IReadOnlyList<ClaimedItem>> ClaimDueAsync(string site, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct = default);

    /// <summary>Done: the item leaves the outbox. False when the lease was lost (another node has it now).</summary>
    Task<bool> CompleteAsync(ClaimedItem claimed);

    /// <summary>Failed this time: due again at <paramref name="due"/>. False when the lease was lost.</summary>
    Task<bool> RetryAsync(ClaimedItem claimed, DateTimeOffset due);

    /// <summary>Failed for good: the item moves to the site's dead-letter list. False when the lease was lost.</summary>
    Task<bool> DeadLetterAsync(ClaimedItem claimed, string error, DateTimeOffset now);

    /// <summary>Whether a message with this id was sent already (by any node, any attempt).</summary>
    Task<bool> WasSentAsync(string site, string messageId);

    /// <summary>Records a message as sent, right after the send: a retry then skips it.</summary>
    Task MarkSentAsync(string site, string messageId, DateTimeOffset at);

    /// <summary>Items queued (due or not, leased or not).</summary>
    Task<long> DepthAsync(string site);

    /// <summary>The latest dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string site, int limit);
}

/// <summary>
/// Decides which outbox items a stored change causes; the store writes them in the change's own
/// transaction. Registered by the features that need them (mail, webhooks, moderator alerts).
/// </summary>
public interface IOutboxTrigger
{
    /// <summary>
    /// A comment became published, at submission or by a moderator's approval. Never called for an
    /// imported comment.
    /// </summary>
    IEnumerable<OutboxItem> OnPublished(Comments.Comment comment);

    /// <summary>
    /// A comment was held, reported or decided (<see cref="ModerationEvent"/>); called by the store inside the
    /// change's transaction, like <see cref="OnPublished"/>, so a change that fails queues nothing.
    /// </summary>
    IEnumerable<OutboxItem> OnModeration(ModerationEvent e) => [];
}

/// <summary>Does the work of one kind of item. Throws to have the item retried (with backoff) or dead-lettered.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task HandleAsync(ClaimedItem claimed, CancellationToken ct);
}
