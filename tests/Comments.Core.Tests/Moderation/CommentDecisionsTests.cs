using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Comments.Core.Text;

using Comments.Core.Submissions;

namespace Comments.Core.Tests.Moderation;

public sealed class CommentDecisionsTests
{
    private static readonly CommentDecisions Decisions = new(new CommentRenderer());
    private static readonly Moderator Olivia = new("olivia", ModeratorRole.Moderator, ["blog"]);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static Comment A(CommentStatus status, bool pinned = false) => new()
    {
        Id = "7", Seq = 7, Site = "blog", ThreadId = "post-1", Text = "Hello *there*", Html = "<p>Hello <em>there</em></p>",
        AuthorName = "Ann", Ip = "192.0.2.1", Status = status, CreatedAt = Now.AddHours(-1), Pinned = pinned,
    };

    private static Decision Decide(ModerationAction action, Comment c, bool reported = false, string? reason = null, string? text = null) =>
        Decisions.Decide(Olivia, new ModerationCommand(action, reason, text), c, reported, Now);

    [Fact]
    public void Approving_a_pending_comment_publishes_it_labels_it_and_audits_the_move()
    {
        var change = Assert.IsType<Decision.Change>(Decide(ModerationAction.Approve, A(CommentStatus.Pending)));

        Assert.Equal(CommentStatus.Published, change.After.Status);
        Assert.Equal("approve", change.Label?.Decision);
        Assert.Equal(("olivia", "approve", "pending", "published"),
            (change.Audit.Moderator, change.Audit.Action, change.Audit.Before?.Status, change.Audit.After?.Status));
    }

    [Fact]
    public void Approving_a_published_comment_changes_nothing_unless_it_was_reported()
    {
        Assert.IsType<Decision.Unchanged>(Decide(ModerationAction.Approve, A(CommentStatus.Published)));
        var dismissed = Assert.IsType<Decision.Change>(Decide(ModerationAction.Approve, A(CommentStatus.Published), reported: true));
        Assert.True(dismissed.ClearReports);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("rude")]
    public void Reject_needs_a_known_reason(string? reason)
    {
        var refused = Assert.IsType<Decision.Refused>(Decide(ModerationAction.Reject, A(CommentStatus.Pending), reason: reason));
        Assert.Equal(ErrorCodes.ModerationInvalid, refused.Code);
    }

    [Fact]
    public void Rejecting_keeps_the_reason_on_the_label()
    {
        var change = Assert.IsType<Decision.Change>(Decide(ModerationAction.Reject, A(CommentStatus.Published), reason: "abusive"));
        Assert.Equal(("reject", "abusive"), (change.Label?.Decision, change.Label?.Reason));
    }

    [Fact]
    public void Editing_renders_the_new_text_and_keeps_the_old_one_in_the_audit()
    {
        var change = Assert.IsType<Decision.Change>(Decide(ModerationAction.Edit, A(CommentStatus.Published), text: "Hello **you**"));

        Assert.Equal("<p>Hello <strong>you</strong></p>", change.After.Html);
        Assert.Equal(Now, change.After.UpdatedAt);
        Assert.Equal(("Hello *there*", "Hello **you**"), (change.Audit.Before?.Text, change.Audit.After?.Text));
        Assert.Null(change.Label);
    }

    [Fact]
    public void Only_hidden_comments_can_be_restored_and_they_go_back_to_pending()
    {
        Assert.IsType<Decision.Refused>(Decide(ModerationAction.Restore, A(CommentStatus.Published)));
        var change = Assert.IsType<Decision.Change>(Decide(ModerationAction.Restore, A(CommentStatus.Deleted)));
        Assert.Equal(CommentStatus.Pending, change.After.Status);
    }

    [Fact]
    public void Hiding_a_pinned_comment_unpins_it()
    {
        var change = Assert.IsType<Decision.Change>(Decide(ModerationAction.Spam, A(CommentStatus.Published, pinned: true)));
        Assert.False(change.After.Pinned);
    }

    [Theory]
    [InlineData(CommentStatus.Pending, CommentStatus.Published, CommentEventKind.Published)]
    [InlineData(CommentStatus.Published, CommentStatus.Rejected, CommentEventKind.Removed)]
    [InlineData(CommentStatus.Published, CommentStatus.Deleted, CommentEventKind.Removed)]
    [InlineData(CommentStatus.Pending, CommentStatus.Spam, null)]
    public void Readers_are_told_only_about_changes_they_can_see(CommentStatus from, CommentStatus to, CommentEventKind? expected)
    {
        Assert.Equal(expected, ModerationService.ReaderEvent(A(from), A(to)));
    }

    [Fact]
    public void Editing_or_pinning_a_published_comment_is_an_update_for_readers()
    {
        Assert.Equal(CommentEventKind.Updated, ModerationService.ReaderEvent(A(CommentStatus.Published), A(CommentStatus.Published, pinned: true)));
        Assert.Equal(CommentEventKind.Updated, ModerationService.ReaderEvent(A(CommentStatus.Published), A(CommentStatus.Published) with { Text = "x" }));
    }
}
