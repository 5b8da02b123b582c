using Comments.Core.Outbox;

namespace Comments.Core.PersonalData;

/// <summary>A person asking for their own personal data: at most one mailed link per address per site and interval.</summary>
public interface IPersonalDataRequests
{
    /// <summary>
    /// Queues <paramref name="mail"/> unless a link was queued for the address (by its digest) within
    /// <paramref name="interval"/>. Nothing of the address but its keyed digest is stored.
    /// </summary>
    /// <returns>Whether the mail was queued.</returns>
    Task<bool> RequestAsync(string site, string emailDigest, OutboxItem mail, TimeSpan interval, DateTimeOffset now, CancellationToken ct = default);
}
