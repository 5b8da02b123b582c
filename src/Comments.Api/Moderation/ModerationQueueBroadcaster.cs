using Comments.Api.Events;
using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Moderation;

/// <summary>
/// Keeps moderators' queues live: a new held comment, a moderator's decision, a comment reported
/// by readers, an author's edit that sends a comment back for review each become queue notices.
/// A subscriber of the comment event path; the queue counts follow from <see cref="ModerationCountsBroadcaster"/>.
/// </summary>
public sealed class ModerationQueueBroadcaster(IHubContext<ModeratorHub, IModeratorClient> hub) : ICommentEventSubscriber
{
    public async Task HandleAsync(CommentEvent e, CancellationToken ct)
    {
        var c = e.Comment;
        var group = hub.Clients.Group(ModeratorHub.GroupOf(c.Site));
        switch (e.Source)
        {
            case CommentEventSource.Submission when e.Kind == CommentEventKind.Held:
                await group.QueueItemAdded(Notice(c, ModerationQueues.Of(c.Status)));
                break;
            case CommentEventSource.Moderator:
                var from = e.WasReported ? ModerationQueue.Reported : ModerationQueues.Of(e.Before!.Status);
                var to = ModerationQueues.Of(c.Status);
                if (from == to)
                {
                    await group.QueueItemUpdated(Notice(c, to));
                }
                else
                {
                    await group.QueueItemRemoved(Notice(e.Before!, from));
                    await group.QueueItemAdded(Notice(c, to));
                }
                break;
            case CommentEventSource.Author when e.Before!.Status == CommentStatus.Published && c.Status is CommentStatus.Pending or CommentStatus.Spam:
                // An edit that sends a published comment back to a moderator puts it in their queue.
                await group.QueueItemAdded(Notice(c, ModerationQueues.Of(c.Status)));
                break;
            case CommentEventSource.Reader when e.Kind == CommentEventKind.Reported:
                await group.QueueItemAdded(Notice(c, ModerationQueue.Reported));
                break;
        }
    }

    private static QueueNotice Notice(Comment c, ModerationQueue queue) => new(c.Site, c.Id, c.ThreadId, queue.Name(), c.AuthorName);
}
