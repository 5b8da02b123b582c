using System.Threading.Channels;
using Comments.Core.Events;
using Microsoft.Extensions.Options;

namespace Comments.Api.Events;

/// <summary>
/// Bounded in-process queues between the request path and the handlers, one per ordered worker:
/// a thread's events always land in the same queue, so they are handled in order, while other
/// threads' events are handled at the same time. A POST only enqueues and never waits; if its
/// queue is full the event is dropped, counted, logged and shown in health (live readers catch up
/// by cursor, the stored comment is never affected).
/// </summary>
public sealed partial class ChannelCommentEventPublisher : ICommentEventPublisher
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly Channel<CommentEvent>[] _queues;
    private readonly ILogger<ChannelCommentEventPublisher> _logger;
    private readonly TimeProvider _clock;
    private long _dropped;
    private long _droppedAtLastLog;
    private long _lastDropTicks;
    private long _lastLogTicks;

    public ChannelCommentEventPublisher(IOptions<EventOptions> options, ILogger<ChannelCommentEventPublisher> logger, TimeProvider clock)
    {
        var o = options.Value;
        _logger = logger;
        _clock = clock;
        // Wait mode: TryWrite answers false when the queue is full (DropWrite would answer true and drop silently).
        _queues = Enumerable.Range(0, o.Workers)
            .Select(_ => Channel.CreateBounded<CommentEvent>(new BoundedChannelOptions(o.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            }))
            .ToArray();
    }

    /// <summary>Events dropped since start because their queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>When the last event was dropped, if ever.</summary>
    public DateTimeOffset? LastDropAt => Interlocked.Read(ref _lastDropTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Events waiting in all queues.</summary>
    public int Queued => _queues.Sum(q => q.Reader.Count);

    /// <summary>One reader per ordered worker.</summary>
    public IReadOnlyList<ChannelReader<CommentEvent>> Readers => _queues.Select(q => q.Reader).ToArray();

    public void Publish(CommentEvent commentEvent)
    {
        if (_queues[QueueOf(commentEvent)].Writer.TryWrite(commentEvent)) return;
        var dropped = Interlocked.Increment(ref _dropped);
        var now = _clock.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastDropTicks, now);
        // Under a flood one line per drop would add log load to an overloaded node: one line per period.
        var lastLog = Interlocked.Read(ref _lastLogTicks);
        if (now - lastLog >= LogEvery.Ticks && Interlocked.CompareExchange(ref _lastLogTicks, now, lastLog) == lastLog)
        {
            var since = dropped - Interlocked.Exchange(ref _droppedAtLastLog, dropped);
            LogDropped(since, dropped, commentEvent.Comment.Site);
        }
    }

    private int QueueOf(CommentEvent e) =>
        (int)((uint)HashCode.Combine(e.Comment.Site, e.Comment.ThreadId) % (uint)_queues.Length);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Event queue full: dropped {Dropped} live events (last of site {Site}), {Total} since start; readers catch up by cursor")]
    private partial void LogDropped(long dropped, long total, string site);
}
