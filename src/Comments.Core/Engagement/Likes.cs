using Comments.Core.Comments;
using Comments.Core.Events;

namespace Comments.Core.Engagement;

public enum LikeStatus
{
    /// <summary>A new like, counted.</summary>
    Counted,
    /// <summary>This reader already liked the comment: nothing changes.</summary>
    AlreadyLiked,
    /// <summary>Too many likes for this comment from one address: not counted.</summary>
    TooMany,
}

public sealed record LikeOutcome(LikeStatus Status, long Likes);

/// <summary>Counts a reader's like of a published comment; a counted like is one <see cref="CommentEventKind.Liked"/> event.</summary>
public sealed class CommentLikes(ILikeStore store, ICommentEventPublisher events)
{
    public async Task<LikeOutcome> LikeAsync(Comment comment, string readerKey, string addressKey, CancellationToken ct = default)
    {
        var outcome = await store.LikeAsync(comment.Site, comment.ThreadId, comment.Id, readerKey, addressKey, ct);
        if (outcome.Status == LikeStatus.Counted)
            events.Publish(new CommentEvent(CommentEventKind.Liked, comment) { Source = CommentEventSource.Reader, Likes = outcome.Likes });
        return outcome;
    }
}
/// <summary>
/// How a reader is recognised without a login: the widget's random per-browser token, never stored
/// as sent (<see cref="Comments.StoreDigests.Reader"/>), plus the address, digested too, for a cap.
/// </summary>
public static class ReaderKeys
{
    /// <summary>Likes one address may give one comment (several readers behind one NAT, but not a token farm).</summary>
    public const int LikesPerAddressAndComment = 5;

    public static bool IsReaderToken(string? token) =>
        token is { Length: >= 16 and <= 64 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

}
