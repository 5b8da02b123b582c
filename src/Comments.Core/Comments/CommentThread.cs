namespace Comments.Core.Comments;

/// <summary>A thread is keyed by (site, thread id) and exists from its first comment.</summary>
public sealed record CommentThread(
    string Site,
    string Id,
    string? Title,
    string? Url,
    DateTimeOffset CreatedAt,
    bool Closed,
    long Version);
