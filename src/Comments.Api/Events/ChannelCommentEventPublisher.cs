using System.Threading.Channels;
using Comments.Core.Events;

namespace Comments.Api.Events;

/// <summary>
/// Something that reacts to a saved comment: the live stream, the moderators' queue.
/// Runs on the dispatcher, never on the request path.
/// </summary>
public interface ICommentEventHandler
{
    Task HandleAsync(CommentEvent commentEvent, CancellationToken ct);
}

/// <summary>
/// A bounded in-process queue between the request path and the handlers. A POST only enqueues;
/// if the queue is full the event is dropped and counted (live readers catch up by cursor,
/// the stored comment is never affected).
/// </summary>
public sealed partial class ChannelCommentEventPublisher(ILogger<ChannelCommentEventPublisher> logger) : ICommentEventPublisher
{
    public const int Capacity = 10_000;

    private readonly Channel<CommentEvent> _channel = Channel.CreateBounded<CommentEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<CommentEvent> Reader => _channel.Reader;

    public void Publish(CommentEvent commentEvent)
    {
        if (_channel.Writer.TryWrite(commentEvent)) return;
        Interlocked.Increment(ref _dropped);
        LogDropped(commentEvent.Comment.Site);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event queue full: dropped an event of site {Site}")]
    private partial void LogDropped(string site);
}
