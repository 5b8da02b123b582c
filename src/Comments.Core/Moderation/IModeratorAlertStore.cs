using Comments.Core.Outbox;

namespace Comments.Core.Moderation;

/// <summary>
/// Each moderator's open alert batch per site: the held and reported comments that arrived since their last
/// alert mail. The first entry of a batch opens it and queues its mail (an outbox item) in the same
/// transaction; the mail's handler seals the batch (its entries are fixed from then on, the same on every
/// retry) and the next entry opens a new one.
/// </summary>
public interface IModeratorAlertStore
{
    /// <summary>Adds <paramref name="entry"/> (<c>held:{comment}</c>) to the open batch of the moderator (a digest of the name).</summary>
    /// <param name="due">When a new batch's mail is due, given when the moderator's last batch was sealed (null: never).</param>
    /// <param name="mail">The outbox item of a new batch's mail, given the batch's token (32 hex digits).</param>
    Task AddAsync(string site, string moderator, string entry, DateTimeOffset now, Func<DateTimeOffset?, DateTimeOffset> due,
        Func<string, OutboxItem> mail, CancellationToken ct = default);

    /// <summary>Seals the batch (once) and returns its entries; empty when it was sealed, sent and forgotten already.</summary>
    Task<IReadOnlyList<string>> SealAsync(string site, string moderator, string batch, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Drops a sealed batch whose mail was sent.</summary>
    Task ForgetAsync(string site, string batch, CancellationToken ct = default);
}
