using Comments.Api.Events;
using Comments.Core.Comments;
using Comments.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Realtime;

/// <summary>
/// Turns domain events into hub messages for the readers of the comment's thread: one message per
/// event, the thread's published count inside the comment's own message. Runs on the event
/// dispatcher (never on the request path), whose ordered workers handle different threads at the
/// same time and one thread's events in order. With the Redis backplane each send is one PUBLISH,
/// serialized once, that every node writes as is to its own readers: broadcast once, cluster-wide.
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
                await readers.CommentPublished(PublishedComment.From(PublicComment.From(comment), CountOf(commentEvent)), ct);
                break;
            case CommentEventKind.Updated:
                await readers.CommentUpdated(PublicComment.From(comment), ct);
                break;
            case CommentEventKind.Removed:
                var removed = PublicComment.From(comment);
                await readers.CommentRemoved(new RemovedComment(removed.Id, removed.ThreadId, removed.Cursor, CountOf(commentEvent)), ct);
                break;
            case CommentEventKind.Liked:
                await readers.LikesChanged(new LikeCount(comment.Site, comment.ThreadId, comment.Id, commentEvent.Likes.GetValueOrDefault()), ct);
                break;
            default:
                // Held, moved and reported comments are the moderators' business; readers never learn of them.
                break;
        }
    }

    private static long CountOf(CommentEvent e) => e.PublishedCount.GetValueOrDefault();
}
