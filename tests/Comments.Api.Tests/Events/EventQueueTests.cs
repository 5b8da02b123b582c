using System.Collections.Concurrent;
using Comments.Api.Events;
using Comments.Core.Comments;
using Comments.Core.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Tests.Events;

/// <summary>The event queues on their own: drops are counted and shown, threads run side by side, a thread runs in order.</summary>
public sealed class EventQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_beyond_a_full_queue_are_counted_as_dropped_and_health_reads_degraded()
    {
        var publisher = Publisher(workers: 1, capacity: 4);
        for (var i = 0; i < 10; i++) publisher.Publish(Event("t1", i));

        Assert.Equal(6, publisher.Dropped);
        Assert.Equal(4, publisher.Queued);
        var health = await new EventQueueHealthCheck(publisher, TimeProvider.System).CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("6 dropped", health.Description);
    }

    [Fact]
    public async Task A_queue_that_keeps_up_drops_nothing_and_health_reads_healthy()
    {
        var publisher = Publisher(workers: 2, capacity: 4);
        publisher.Publish(Event("t1", 1));
        var health = await new EventQueueHealthCheck(publisher, TimeProvider.System).CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(0, publisher.Dropped);
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task A_slow_thread_does_not_hold_up_other_threads_and_each_thread_is_handled_in_order()
    {
        var publisher = Publisher(workers: 16, capacity: 1_000);
        var handler = new RecordingHandler(slowThread: "slow");
        var dispatcher = new CommentEventDispatcher(publisher, [handler], NullLogger<CommentEventDispatcher>.Instance);
        await dispatcher.StartAsync(Ct);
        try
        {
            publisher.Publish(Event("slow", 0));
            await handler.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            // 20 other threads: at least one lands on another worker than "slow" (all on one: 16^-20).
            var others = Enumerable.Range(0, 20).Select(i => $"other-{i}").ToArray();
            foreach (var thread in others)
                for (var n = 0; n < 50; n++) publisher.Publish(Event(thread, n));

            await handler.AnyOtherHandled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            handler.ReleaseSlow.TrySetResult();
            await handler.WaitForAsync(1 + others.Length * 50).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            foreach (var thread in others)
                Assert.Equal(Enumerable.Range(0, 50).Select(n => n.ToString()), handler.Seen[thread]);
            Assert.Equal(0, publisher.Dropped);
        }
        finally
        {
            handler.ReleaseSlow.TrySetResult();
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private static ChannelCommentEventPublisher Publisher(int workers, int capacity) =>
        new(Options.Create(new EventOptions { Workers = workers, QueueCapacity = capacity }),
            NullLogger<ChannelCommentEventPublisher>.Instance, TimeProvider.System);

    private static CommentEvent Event(string thread, int n) => new(CommentEventKind.Published, new Comment
    {
        Id = n.ToString(), Seq = n, Site = "s", ThreadId = thread, Text = "x", Html = "x", AuthorName = "a", Ip = "192.0.2.1",
        Status = CommentStatus.Published, CreatedAt = DateTimeOffset.UnixEpoch,
    }, n);

    private sealed class RecordingHandler(string slowThread) : ICommentEventSubscriber
    {
        private int _handled;

        public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource ReleaseSlow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource AnyOtherHandled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentDictionary<string, ConcurrentQueue<string>> Seen { get; } = new();
        private readonly TaskCompletionSource<int> _count = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _target = int.MaxValue;

        public async Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
        {
            var thread = commentEvent.Comment.ThreadId;
            if (thread == slowThread)
            {
                SlowStarted.TrySetResult();
                await ReleaseSlow.Task;
            }
            else
            {
                AnyOtherHandled.TrySetResult();
            }
            Seen.GetOrAdd(thread, _ => new()).Enqueue(commentEvent.Comment.Id);
            if (Interlocked.Increment(ref _handled) >= Volatile.Read(ref _target)) _count.TrySetResult(_handled);
        }

        public Task WaitForAsync(int count)
        {
            Volatile.Write(ref _target, count);
            if (Volatile.Read(ref _handled) >= count) _count.TrySetResult(count);
            return _count.Task;
        }
    }
}
