namespace Comments.Core.Comments;

/// <summary>
/// The only shape of a comment that readers see (HTTP and live stream). It has no email, IP,
/// user agent, scores or reasons, by construction.
/// </summary>
public sealed record PublicComment(
    string Id,
    string ThreadId,
    string? ParentId,
    int Depth,
    string AuthorName,
    string? AuthorUrl,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    string Cursor)
{
    /// <summary>Featured by a moderator.</summary>
    public bool Pinned { get; init; }

    public static PublicComment From(Comment c) =>
        new(c.Id, c.ThreadId, c.ParentId, c.Depth, c.AuthorName, c.AuthorUrl, c.Html, c.CreatedAt, c.UpdatedAt,
            c.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Pinned = c.Pinned };
}
