using Comments.Api.Events;
using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Moderation;

/// <summary>
/// Keeps moderators' pages live: new held comments arrive through the comment event path;
/// moderator decisions and reports are pushed right after they are stored. A failed push is
/// logged and never fails the request (pages also refresh over HTTP).
/// </summary>
public sealed partial class ModerationQueueBroadcaster(
    IHubContext<ModeratorHub, IModeratorClient> hub,
    IModerationStore store,
    ILogger<ModerationQueueBroadcaster> logger) : ICommentEventHandler
{
    private static readonly TimeSpan PushBudget = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, bool> _countsDue = new(StringComparer.Ordinal);

    public async Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
    {
        var c = commentEvent.Comment;
        if (commentEvent.Kind == CommentEventKind.Held)
            await Group(c.Site).QueueItemAdded(Notice(c, ModerationQueues.Of(c.Status)));
        PushCountsSoon(c.Site);
    }

    /// <summary>
    /// At peak ingest every event of a site changes its counts: one push at a time per site, and
    /// one more after it if events came meanwhile, so moderators get the latest counts without a
    /// store round trip per event on the event path.
    /// </summary>
    private void PushCountsSoon(string site)
    {
        lock (_countsDue)
        {
            if (_countsDue.ContainsKey(site))
            {
                _countsDue[site] = true;
                return;
            }
            _countsDue[site] = false;
        }
        _ = Task.Run(async () =>
        {
            while (true)
            {
                await SafelyAsync($"counts of site {site}", () => PushCountsAsync(site, CancellationToken.None));
                lock (_countsDue)
                {
                    if (!_countsDue[site])
                    {
                        _countsDue.Remove(site);
                        return;
                    }
                    _countsDue[site] = false;
                }
            }
        });
    }

    public Task ChangedAsync(ChangeOutcome outcome, CancellationToken ct) => SafelyAsync($"comment {outcome.After.Id}", async () =>
    {
        var from = outcome.WasReported ? ModerationQueue.Reported : ModerationQueues.Of(outcome.Before.Status);
        var to = ModerationQueues.Of(outcome.After.Status);
        var group = Group(outcome.After.Site);
        if (from == to)
        {
            await group.QueueItemUpdated(Notice(outcome.After, to));
        }
        else
        {
            await group.QueueItemRemoved(Notice(outcome.Before, from));
            await group.QueueItemAdded(Notice(outcome.After, to));
        }
        await PushCountsAsync(outcome.After.Site, ct);
    });

    public Task ReportedAsync(Comment comment, CancellationToken ct) => SafelyAsync($"comment {comment.Id}", async () =>
    {
        await Group(comment.Site).QueueItemAdded(Notice(comment, ModerationQueue.Reported));
        await PushCountsAsync(comment.Site, ct);
    });

    private async Task PushCountsAsync(string site, CancellationToken ct) =>
        await Group(site).QueueCounts(new QueueCountsNotice(site, await store.CountAsync(site, ct)));

    private IModeratorClient Group(string site) => hub.Clients.Group(ModeratorHub.GroupOf(site));

    private static QueueNotice Notice(Comment c, ModerationQueue queue) => new(c.Site, c.Id, c.ThreadId, queue.Name(), c.AuthorName);

    private async Task SafelyAsync(string subject, Func<Task> push)
    {
        try
        {
            await push().WaitAsync(PushBudget);
        }
        catch (Exception e)
        {
            LogPushFailed(e, subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push a queue change ({Subject}) to moderators")]
    private partial void LogPushFailed(Exception e, string subject);
}
