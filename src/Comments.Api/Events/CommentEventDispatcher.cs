using Comments.Core.Events;

namespace Comments.Api.Events;

/// <summary>Feeds every event to every handler, each within a time budget; a failing handler is logged and skipped.</summary>
public sealed partial class CommentEventDispatcher(
    ChannelCommentEventPublisher publisher,
    IEnumerable<ICommentEventHandler> handlers,
    ILogger<CommentEventDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan HandlerBudget = TimeSpan.FromSeconds(5);

    private readonly ICommentEventHandler[] _handlers = handlers.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var commentEvent in publisher.Reader.ReadAllAsync(stoppingToken))
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event handler {Handler} failed on {Kind} of comment {CommentId}")]
    private partial void LogHandlerFailed(Exception e, string handler, CommentEventKind kind, string commentId);
}
