using System.Text.Json.Nodes;
using Comments.Core.Events;

namespace Comments.Core.PersonalData;

/// <summary>
/// Whose data a request is about, on one site: the email (never stored by this request, never
/// logged), its keyed digest (<see cref="Comments.StoreDigests.Email"/>), and what the store ties to
/// it, found through the digest's index before any source runs: the comments (the author index) and
/// the digests of the addresses they came from. An erasure takes a comment out of that index in the
/// same transaction that anonymises it, so a re-run after a crash finds exactly what is left.
/// </summary>
public sealed record PersonalDataSubject(
    string Site,
    string Email,
    string EmailDigest,
    IReadOnlyList<string> CommentIds,
    IReadOnlyList<string> AddressDigests);

/// <summary>What the site does with the text of an erased author's comments (<c>Sites:ID:ErasedText</c>).</summary>
public enum ErasedTextPolicy
{
    /// <summary>The text stays, signed "Anonymous" (WordPress's eraser does this).</summary>
    Keep,
    /// <summary>The text goes too: the comment becomes deleted, readers lose it, its labels and audit texts are dropped.</summary>
    Delete,
}

/// <summary>What one source erased, and the events that tell live readers and moderators.</summary>
public sealed record ErasedPart(string Section, int Count, IReadOnlyList<CommentEvent> Events)
{
    public static ErasedPart None(string section) => new(section, 0, []);
}

/// <summary>
/// One feature's share of a personal-data request (GDPR articles 15 and 17): comments, likes,
/// flags, audit, and later mail subscriptions each implement it and register with
/// <c>AddPersonalDataSource</c>. Export returns the section's items; erase removes or anonymises
/// them, and must be idempotent (a second run finds nothing) and safe to re-run after a crash
/// (each item is changed in one transaction, so none is ever half-erased).
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section's name in the export document (<c>comments</c>, <c>likes</c>, …).</summary>
    string Section { get; }

    /// <summary>Sources erase in ascending order; the comments (which locate everything else) go last.</summary>
    int EraseOrder { get; }

    Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default);

    Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default);
}

/// <summary>Finds what the store ties to an email digest (<see cref="PersonalDataSubject"/>).</summary>
public interface IPersonalDataIndex
{
    Task<PersonalDataSubject> LocateAsync(string site, string email, string emailDigest, CancellationToken ct = default);
}

/// <summary>The retention purge: personal data of comments older than a site's <c>RetainPersonalDataDays</c>.</summary>
public interface IPersonalDataRetention
{
    /// <summary>
    /// Removes IP, user agent and email from every comment of the site created before
    /// <paramref name="cutoff"/>, and takes it out of its email digest's author index; the name, text
    /// and status stay. Returns how many comments changed (0 on a second run).
    /// </summary>
    Task<int> PurgeAsync(string site, DateTimeOffset cutoff, CancellationToken ct = default);
}
