using Comments.Api.Events;
using Comments.Core.Events;
using Comments.Core.Stats;

namespace Comments.Api.Stats;

/// <summary>
/// Counts each event into the site's day (UTC) for the admin numbers. It rides the event path, so
/// an event the queue dropped under overload is not counted: the numbers are a close reading, not an
/// audit (the audit log is that).
/// </summary>
public sealed class StatsRecorder(ISiteStatsStore store, TimeProvider clock) : ICommentEventSubscriber
{
    public Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
    {
        var counters = SiteStats.CountersOf(commentEvent);
        return counters.Count == 0
            ? Task.CompletedTask
            : store.AddAsync(commentEvent.Comment.Site, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), counters, ct);
    }
}
