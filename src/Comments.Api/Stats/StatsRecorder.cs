using System.Collections.Concurrent;
using Comments.Api.Events;
using Comments.Core.Events;
using Comments.Core.Stats;

namespace Comments.Api.Stats;

/// <summary>
/// Counts each event into its site's day (UTC) for the admin numbers, in memory: the event path never
/// waits on the store for a counter (a round trip per event slowed the readers' queues until they
/// dropped events under a burst). <see cref="StatsFlusher"/> adds the sums to the store every second.
/// An event the queue dropped under overload, or counts of the last second before a crash, are not
/// counted: the numbers are a close reading, not an audit (the audit log is that).
/// </summary>
public sealed class StatsRecorder(TimeProvider clock) : ICommentEventSubscriber
{
    private ConcurrentDictionary<(string Site, DateOnly Day, string Counter), long> _pending = new();

    public Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
    {
        var counters = SiteStats.CountersOf(commentEvent);
        if (counters.Count == 0) return Task.CompletedTask;
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var counter in counters)
            _pending.AddOrUpdate((commentEvent.Comment.Site, day, counter), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    /// <summary>Takes what was counted since the last call.</summary>
    public IReadOnlyDictionary<(string Site, DateOnly Day, string Counter), long> Drain() =>
        Interlocked.Exchange(ref _pending, new());
}

/// <summary>Adds the recorder's sums to the store every second, and once more at shutdown.</summary>
public sealed partial class StatsFlusher(StatsRecorder recorder, ISiteStatsStore store, ILogger<StatsFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var counts = recorder.Drain();
        foreach (var day in counts.GroupBy(c => (c.Key.Site, c.Key.Day)))
        {
            try
            {
                await store.AddAsync(day.Key.Site, day.Key.Day, day.ToDictionary(c => c.Key.Counter, c => c.Value), ct);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogLost(day.Key.Site, day.Count(), e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin numbers of site {Site}: {Counters} counters not stored ({Error})")]
    private partial void LogLost(string site, int counters, string error);
}
