using Comments.Core.Comments;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Realtime;

/// <summary>
/// What a reader's connection receives. Every payload is built from <see cref="PublicComment"/>
/// (or carries no comment text at all), so email and IP cannot reach a reader by construction.
/// On the wire the method names are camelCase (<c>commentPublished</c>…), as the widget expects.
/// </summary>
public interface ICommentsClient
{
    /// <summary>
    /// A comment became visible (posted and published, or approved by a moderator), with the
    /// thread's published count after it: one message per comment.
    /// </summary>
    [HubMethodName("commentPublished")]
    Task CommentPublished(PublishedComment comment, CancellationToken ct);

    /// <summary>A published comment changed (edited by a moderator).</summary>
    [HubMethodName("commentUpdated")]
    Task CommentUpdated(PublicComment comment, CancellationToken ct);

    /// <summary>A comment stopped being visible (rejected, deleted or marked spam), with the thread's published count after it.</summary>
    [HubMethodName("commentRemoved")]
    Task CommentRemoved(RemovedComment comment, CancellationToken ct);

    /// <summary>A comment's like count after a new like.</summary>
    [HubMethodName("likesChanged")]
    Task LikesChanged(LikeCount likes, CancellationToken ct);
}

/// <summary>
/// <see cref="PublicComment"/>, field for field, plus <paramref name="Count"/>: the thread's published
/// count after this comment. Built only from a <see cref="PublicComment"/>, so it carries nothing else.
/// </summary>
public sealed record PublishedComment(
    string Id,
    string ThreadId,
    string? ParentId,
    int Depth,
    string AuthorName,
    string? AuthorUrl,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    string Cursor,
    bool Pinned,
    long Count)
{
    public static PublishedComment From(PublicComment c, long count) =>
        new(c.Id, c.ThreadId, c.ParentId, c.Depth, c.AuthorName, c.AuthorUrl, c.Html, c.CreatedAt, c.UpdatedAt, c.Cursor, c.Pinned, count);
}

/// <summary>The id and cursor of a comment readers must drop, nothing of its content; with the thread's published count after it.</summary>
public sealed record RemovedComment(string Id, string ThreadId, string Cursor, long Count);

/// <summary>A comment's like count.</summary>
public sealed record LikeCount(string Site, string ThreadId, string Id, long Likes);
