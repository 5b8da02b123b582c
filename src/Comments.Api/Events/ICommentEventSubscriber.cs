using Comments.Core.Events;

namespace Comments.Api.Events;

/// <summary>
/// Reacts to every change to a comment (<see cref="CommentEvent"/>): the readers' live stream, the
/// moderators' queue, their counts; mail, webhooks and metrics join the same way. Register one with
/// <c>services.AddCommentEventSubscriber&lt;T&gt;()</c>; subscribers run in registration order on the
/// event dispatcher (in order within a thread, each within a time budget), never on the request path.
/// </summary>
public interface ICommentEventSubscriber
{
    Task HandleAsync(CommentEvent commentEvent, CancellationToken ct);
}
