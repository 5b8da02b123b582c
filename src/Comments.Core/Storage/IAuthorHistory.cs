namespace Comments.Core.Storage;

/// <summary>What the site knows about an email's earlier comments (for trust and for moderators).</summary>
public interface IAuthorHistory
{
    Task<AuthorRecord> GetAsync(string site, string emailDigest, CancellationToken ct = default);
}

/// <param name="RecentRejections">Rejected or spam comments in the last 30 days.</param>
public sealed record AuthorRecord(int Published, int Pending, int Rejected, int Spam, int RecentRejections);
