using System.Text.Json.Serialization;

namespace Comments.Core.Storage;

/// <summary>What the site knows about an email's earlier comments (for trust, <see cref="Rules.AuthorTrust"/>).</summary>
public interface IAuthorHistory
{
    /// <summary>The author's latest few comments, enough for trust ("a few published and no recent rejection").</summary>
    Task<AuthorHistory> GetAsync(string site, string emailDigest, CancellationToken ct = default);
}

/// <summary>
/// The one author history: an email's latest comments on a site counted by their current status.
/// Trust reads it over a short window; moderators see it over a long one
/// (<see cref="Moderation.IModerationStore.AuthorHistoryAsync"/>).
/// </summary>
/// <param name="RecentRejections">Rejected or spam comments in the last 30 days (what trust asks; not shown to moderators).</param>
public sealed record AuthorHistory(long Published, long Pending, long Rejected, long Spam,
    [property: JsonIgnore] long RecentRejections, long Deleted = 0);
