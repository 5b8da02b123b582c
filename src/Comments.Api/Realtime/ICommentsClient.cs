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
    /// <summary>A comment became visible: posted and published, or approved by a moderator.</summary>
    [HubMethodName("commentPublished")]
    Task CommentPublished(PublicComment comment, CancellationToken ct);

    /// <summary>A published comment changed (edited by a moderator).</summary>
    [HubMethodName("commentUpdated")]
    Task CommentUpdated(PublicComment comment, CancellationToken ct);

    /// <summary>A comment stopped being visible (rejected, deleted or marked spam).</summary>
    [HubMethodName("commentRemoved")]
    Task CommentRemoved(RemovedComment comment, CancellationToken ct);

    /// <summary>The thread's published count after a change.</summary>
    [HubMethodName("countChanged")]
    Task CountChanged(ThreadCount count, CancellationToken ct);

    /// <summary>A comment's like count after a new like.</summary>
    [HubMethodName("likesChanged")]
    Task LikesChanged(LikeCount likes, CancellationToken ct);
}

/// <summary>The id and cursor of a comment readers must drop; nothing of its content.</summary>
public sealed record RemovedComment(string Id, string ThreadId, string Cursor);

/// <summary>A thread's published count.</summary>
public sealed record ThreadCount(string Site, string ThreadId, long Count);

/// <summary>A comment's like count.</summary>
public sealed record LikeCount(string Site, string ThreadId, string Id, long Likes);
