using System.Diagnostics;
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

    /// <summary>The least time between two pushes of one site's counts caused by new comments and authors' changes.</summary>
    public static readonly TimeSpan CountsInterval = TimeSpan.FromSeconds(1);

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
    /// Every new comment changes its site's counts: the first change pushes at once, later ones
    /// within <see cref="CountsInterval"/> of a push wait for one more push at its end, so a site
    /// costs at most one count (six ZCARDs) and one PUBLISH a second however fast comments come,
    /// and moderators still get the counts after the last change.
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
                var pushed = Stopwatch.GetTimestamp();
                await SafelyAsync($"counts of site {site}", () => PushCountsAsync(site, CancellationToken.None));
                var left = CountsInterval - Stopwatch.GetElapsedTime(pushed);
                if (left > TimeSpan.Zero) await Task.Delay(left);
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
