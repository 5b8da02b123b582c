using Comments.Api.Events;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Moderation;

/// <summary>
/// Pushes a site's queue counts to its moderators after a change that can move them. Registered
/// after <see cref="ModerationQueueBroadcaster"/>, so after a moderator's decision or a report the
/// counts follow the queue notices. New comments and authors' changes arrive at peak ingest rate:
/// their counts are coalesced (see <see cref="PushCountsSoon"/>).
/// </summary>
public sealed partial class ModerationCountsBroadcaster(
    IHubContext<ModeratorHub, IModeratorClient> hub,
    IModerationStore store,
    ILogger<ModerationCountsBroadcaster> logger) : ICommentEventSubscriber
{
    private static readonly TimeSpan PushBudget = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, bool> _countsDue = new(StringComparer.Ordinal);

    public Task HandleAsync(CommentEvent e, CancellationToken ct)
    {
        var site = e.Comment.Site;
        switch (e.Source)
        {
            case CommentEventSource.Moderator:
            case CommentEventSource.Reader when e.Kind == CommentEventKind.Reported:
                return SafelyAsync($"comment {e.Comment.Id}", () => PushCountsAsync(site, ct));
            case CommentEventSource.Submission:
            case CommentEventSource.Author when e.Kind != CommentEventKind.Moved:
                PushCountsSoon(site);
                break;
        }
        return Task.CompletedTask;
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

    private async Task PushCountsAsync(string site, CancellationToken ct) =>
        await hub.Clients.Group(ModeratorHub.GroupOf(site)).QueueCounts(new QueueCountsNotice(site, await store.CountAsync(site, ct)));

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
