namespace Comments.Core.Submissions;

/// <summary>What a reader sent, plus what the server knows about the request.</summary>
public sealed record CommentSubmission
{
    public required string Site { get; init; }
    public required string ThreadId { get; init; }
    public string? Text { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorEmail { get; init; }
    public string? AuthorUrl { get; init; }
    public string? ParentId { get; init; }
    public string? ThreadTitle { get; init; }
    public string? ThreadUrl { get; init; }
    /// <summary>A field hidden from people; anything in it comes from a bot.</summary>
    public string? Honeypot { get; init; }
    public required string Ip { get; init; }
    public string? UserAgent { get; init; }
    public string? IdempotencyKey { get; init; }
}
