namespace Comments.Core.Events;

/// <summary>
/// The one path for side effects after a save. Publishing never blocks and never throws:
/// a slow or failing subscriber cannot fail or delay a POST.
/// </summary>
public interface ICommentEventPublisher
{
    void Publish(CommentEvent commentEvent);
}
