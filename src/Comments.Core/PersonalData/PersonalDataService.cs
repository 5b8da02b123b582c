using System.Text.Json.Nodes;
using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;

namespace Comments.Core.PersonalData;

/// <summary>
/// Personal-data requests by email (GDPR articles 15 and 17, after WordPress's exporter and
/// eraser), for the admin API and the admin CLI alike: export gathers every source's section into
/// one document (schema <c>comments-personal-data</c>, version 1, docs/import-export.md); erase runs
/// every source, publishes their events on the one event path (readers get <c>commentUpdated</c> or
/// <c>commentRemoved</c>), and audits the erasure without the email.
/// </summary>
public sealed class PersonalDataService(
    IPersonalDataIndex index,
    IEnumerable<IPersonalDataSource> sources,
    StoreDigests digests,
    IModerationStore audit,
    ICommentEventPublisher events,
    TimeProvider clock)
{
    public const string Schema = "comments-personal-data";
    public const int Version = 1;

    private readonly IReadOnlyList<IPersonalDataSource> _sources = sources.OrderBy(s => s.EraseOrder).ToList();

    public async Task<JsonObject> ExportAsync(string site, string email, CancellationToken ct = default) =>
        await ExportAsync(await LocateAsync(site, email, ct), ct);

    /// <summary>The export of an address known by its digest (a signed link names no address); <paramref name="email"/> is as the store has it.</summary>
    public async Task<JsonObject> ExportAsync(string site, string emailDigest, string email, CancellationToken ct = default) =>
        await ExportAsync(await index.LocateAsync(site, email, emailDigest, ct), ct);

    private async Task<JsonObject> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var site = subject.Site;
        var document = new JsonObject
        {
            ["schema"] = Schema,
            ["version"] = Version,
            ["site"] = site,
            ["email"] = subject.Email,
            ["exportedAt"] = clock.GetUtcNow(),
        };
        foreach (var source in _sources) document[source.Section] = await source.ExportAsync(subject, ct);
        return document;
    }

    /// <returns>Items erased per section (all zero when there was nothing left to erase).</returns>
    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(string who, string site, string email, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        var subject = await LocateAsync(site, email, ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            var part = await source.EraseAsync(subject, policy, ct);
            counts[part.Section] = part.Count;
            foreach (var e in part.Events) events.Publish(e);
        }
        if (counts.Values.Any(c => c > 0))
        {
            // The entry says what was done, never to whom: no email, no digest, no name.
            var detail = "personal data erased: " + string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}")) + $"; text {policy.ToLowerName()}";
            await audit.AppendAuditAsync(site, new AuditEntry(0, clock.GetUtcNow(), who, "erase", null, null, null, null, new AuditState(Detail: detail)), ct);
        }
        return counts;
    }

    private async Task<PersonalDataSubject> LocateAsync(string site, string email, CancellationToken ct)
    {
        var normalized = email.Trim();
        await digests.ReadyAsync(ct);
        return await index.LocateAsync(site, normalized, digests.Email(normalized), ct);
    }
}
