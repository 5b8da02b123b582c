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
