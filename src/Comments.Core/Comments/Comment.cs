namespace Comments.Core.Comments;

/// <summary>
/// A stored comment with everything a moderator needs. Email and IP never leave the server
/// except to an authenticated moderator: public shapes are built from this, never serialised from it.
/// </summary>
public sealed record Comment
{
    public required string Id { get; init; }
    /// <summary>Per-site sequence number: orders a thread and is the reader's cursor.</summary>
    public required long Seq { get; init; }
    public required string Site { get; init; }
    public required string ThreadId { get; init; }
    public string? ParentId { get; init; }
    public int Depth { get; init; }
    /// <summary>The text exactly as submitted.</summary>
    public required string Text { get; init; }
    /// <summary>The sanitized HTML shown to readers.</summary>
    public required string Html { get; init; }
    public required string AuthorName { get; init; }
    public string? AuthorEmail { get; init; }
    public string? AuthorUrl { get; init; }
    public required string Ip { get; init; }
    public string? UserAgent { get; init; }
    public required CommentStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public double? SpamScore { get; init; }
    public double? ToxicityScore { get; init; }
    public string? ModelVersion { get; init; }
    public IReadOnlyList<CommentReason> Reasons { get; init; } = [];
    /// <summary>Featured by a moderator: readers see it marked, and may show it first.</summary>
    public bool Pinned { get; init; }
    /// <summary>
    /// Random, made once with the comment and never shown: the author's token is signed over it, so a
    /// token applies to this comment alone, even if its id were ever handed out again.
    /// Null on comments stored before it existed (their tokens are signed over site and id).
    /// </summary>
    public string? AuthorNonce { get; init; }
}

/// <summary>Why the pipeline decided what it did: a stable code and a detail for moderators.</summary>
public sealed record CommentReason(string Code, string Detail);
