using Comments.Api.Events;
using Comments.Core.Comments;
using Comments.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Realtime;

/// <summary>
/// Turns domain events into hub messages for the readers of the comment's thread, with the
/// thread's published count and a comment's like count. Runs on the event dispatcher (never on the
/// request path). With the Redis backplane each send is one PUBLISH that every node delivers to its
/// own readers, so an event is broadcast once, cluster-wide.
/// </summary>
public sealed class CommentBroadcaster(IHubContext<CommentsHub, ICommentsClient> hub) : ICommentEventSubscriber
{
    public async Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
    {
        var comment = commentEvent.Comment;
        var readers = hub.Clients.Group(CommentsHub.GroupName(comment.Site, comment.ThreadId));
        switch (commentEvent.Kind)
        {
            case CommentEventKind.Published:
                // Both are sent before either is awaited: one backplane round trip per event, not two.
                // The backplane's connection writes them in the order they were sent.
                await Task.WhenAll(readers.CommentPublished(PublicComment.From(comment), ct), readers.CountChanged(CountOf(commentEvent), ct));
                break;
            case CommentEventKind.Updated:
                await readers.CommentUpdated(PublicComment.From(comment), ct);
                break;
            case CommentEventKind.Removed:
                var removed = PublicComment.From(comment);
                await Task.WhenAll(readers.CommentRemoved(new RemovedComment(removed.Id, removed.ThreadId, removed.Cursor), ct),
                    readers.CountChanged(CountOf(commentEvent), ct));
                break;
            case CommentEventKind.Liked:
                await readers.LikesChanged(new LikeCount(comment.Site, comment.ThreadId, comment.Id, commentEvent.Likes.GetValueOrDefault()), ct);
                break;
            default:
                // Held, moved and reported comments are the moderators' business; readers never learn of them.
                break;
        }
    }

    private static ThreadCount CountOf(CommentEvent e) => new(e.Comment.Site, e.Comment.ThreadId, e.PublishedCount.GetValueOrDefault());
}
