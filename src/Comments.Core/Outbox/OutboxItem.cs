namespace Comments.Core.Outbox;

/// <summary>
/// One unit of work that must happen after a change (a mail to send, later a webhook to call), written in
/// the same transaction as the change. The worker expands it into concrete messages when it is due.
/// </summary>
/// <param name="Id">Unique within the site, and deterministic for work that must not be queued twice (<c>published:{comment}</c>).</param>
/// <param name="Kind">Which <see cref="IOutboxHandler"/> does the work (<see cref="OutboxKinds"/>).</param>
/// <param name="Data">What the handler needs to find its inputs again: ids and digests, never an email address.</param>
public sealed record OutboxItem(string Id, string Kind, string Site, IReadOnlyDictionary<string, string> Data)
{
    public string? Get(string name) => Data.GetValueOrDefault(name);
}

/// <summary>An item this node holds a lease on: <paramref name="Lease"/> is the lease's score, which every later write is conditioned on.</summary>
/// <param name="Attempts">How many times the item was claimed, this claim included (a crashed node's claim counts).</param>
public sealed record ClaimedItem(OutboxItem Item, double Lease, long Attempts);

/// <summary>An item that failed <c>Outbox:MaxAttempts</c> times; kept for an administrator to see.</summary>
public sealed record DeadLetter(OutboxItem Item, long Attempts, string Error, DateTimeOffset At);

public static class OutboxKinds
{
    /// <summary>A comment became published: reply mail to its parent's author, thread subscribers' batch.</summary>
    public const string Published = "published";
    /// <summary>A double opt-in confirmation mail to one address.</summary>
    public const string Confirmation = "mail.confirm";
    /// <summary>The batch of a thread's new comments to its subscribers, one per thread per window.</summary>
    public const string ThreadDigest = "mail.thread-digest";
    /// <summary>The signed link to a person's own personal-data export, mailed to the address that asked.</summary>
    public const string PersonalDataLink = "mail.personal-data";
}
