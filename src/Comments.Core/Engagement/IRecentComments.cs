namespace Comments.Core.Engagement;

/// <summary>The site's published comments, newest first, by sequence (the site-wide published index).</summary>
public interface IRecentComments
{
    /// <param name="before">Exclusive sequence bound; null starts at the newest.</param>
    /// <returns>Comment ids, newest first, and the cursor of the next page (null on the last).</returns>
    Task<(IReadOnlyList<string> Ids, long? NextCursor)> ListAsync(string site, long? before, int limit, CancellationToken ct = default);
}
