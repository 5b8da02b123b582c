using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;

namespace Comments.Core.Tests.Events;

/// <summary>A stored moderator or author change is one event that carries what every subscriber needs.</summary>
public sealed class CommentEventTests
{
    private static Comment A(CommentStatus status) => new()
    {
        Id = "7", Seq = 7, Site = "blog", ThreadId = "post-1", Text = "Hello", Html = "<p>Hello</p>",
        AuthorName = "Ann", Ip = "192.0.2.1", Status = status, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static ChangeOutcome Outcome(CommentStatus from, CommentStatus to, bool reported = false) =>
        new(new Decision.Unchanged(), A(from), A(to), reported, PublishedCount: 3);

    [Theory]
    [InlineData(CommentStatus.Pending, CommentStatus.Published, CommentEventKind.Published)]
    [InlineData(CommentStatus.Published, CommentStatus.Rejected, CommentEventKind.Removed)]
    [InlineData(CommentStatus.Pending, CommentStatus.Spam, CommentEventKind.Moved)]
    [InlineData(CommentStatus.Rejected, CommentStatus.Pending, CommentEventKind.Moved)]
    public void A_change_readers_cannot_see_is_still_one_event_for_the_moderators(CommentStatus from, CommentStatus to, CommentEventKind kind)
    {
        var e = CommentEvent.Changed(CommentEventSource.Moderator, Outcome(from, to, reported: true));

        Assert.Equal(kind, e.Kind);
        Assert.Equal((CommentEventSource.Moderator, from, to, true, 3L), (e.Source, e.Before!.Status, e.Comment.Status, e.WasReported, e.PublishedCount));
    }

    [Fact]
    public void An_authors_edit_that_sends_a_published_comment_back_is_one_removal_that_still_knows_where_it_went()
    {
        var e = CommentEvent.Changed(CommentEventSource.Author, Outcome(CommentStatus.Published, CommentStatus.Pending));

        Assert.Equal((CommentEventKind.Removed, CommentEventSource.Author), (e.Kind, e.Source));
        Assert.Equal((CommentStatus.Published, CommentStatus.Pending), (e.Before!.Status, e.Comment.Status));
    }
}
