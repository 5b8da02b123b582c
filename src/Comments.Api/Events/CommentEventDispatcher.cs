using System.Threading.Channels;
using Comments.Core.Events;

namespace Comments.Api.Events;

/// <summary>
/// Runs one ordered worker per queue of <see cref="ChannelCommentEventPublisher"/>: each feeds its
/// events to every subscriber in turn, each within a time budget; a failing subscriber is logged and skipped.
/// </summary>
public sealed partial class CommentEventDispatcher(
    ChannelCommentEventPublisher publisher,
    IEnumerable<ICommentEventSubscriber> subscribers,
    ILogger<CommentEventDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan HandlerBudget = TimeSpan.FromSeconds(5);

    private readonly ICommentEventSubscriber[] _handlers = subscribers.ToArray();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(publisher.Readers.Select(reader => Task.Run(() => WorkAsync(reader, stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(ChannelReader<CommentEvent> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var commentEvent in reader.ReadAllAsync(stoppingToken))
                await HandleAsync(commentEvent, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(CommentEvent commentEvent, CancellationToken stoppingToken)
    {
        foreach (var handler in _handlers)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            budget.CancelAfter(HandlerBudget);
            try
            {
                await handler.HandleAsync(commentEvent, budget.Token);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogHandlerFailed(e, handler.GetType().Name, commentEvent.Kind, commentEvent.Comment.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed on {Kind} of comment {CommentId}")]
    private partial void LogHandlerFailed(Exception e, string handler, CommentEventKind kind, string commentId);
}
