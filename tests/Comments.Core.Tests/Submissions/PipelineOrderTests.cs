using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Tests.Submissions;

/// <summary>
/// The order of design.md's pipeline: validate → (the digests' key) → thread, parent, ban,
/// duplicate and flood-window look-ups, with the sequence number in the same round trip →
/// decision rules by their Order → site mode → one save, which opens the flood window → one event.
/// Each refusal stops the run before anything later, and before any save (a refused comment opens
/// no flood window; it only leaves a gap in the sequence).
/// </summary>
public sealed class PipelineOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SiteOptions Site(ModerationMode mode = ModerationMode.Post) =>
        new() { Id = "s", ModerationMode = mode, FloodIntervalSeconds = 15 };

    private static CommentSubmission Submission(string text = "A fine comment.") =>
        new() { Site = "s", ThreadId = "t", Text = text, AuthorName = "Ann", AuthorEmail = "ann@example.com", Ip = "192.0.2.1" };

    /// <summary>Rules are handed over out of order on purpose: the pipeline runs them by <see cref="IDecisionRule.Order"/>.</summary>
    private static Task<SubmissionResult> SubmitAsync(PipelineSteps steps, SiteOptions site, CommentSubmission submission, params IDecisionRule[] rules)
    {
        var pipeline = new SubmissionPipeline(steps, steps, new CommentRenderer(), rules.Reverse(), steps, new StoreDigests(steps), new FixedClock(Now));
        return pipeline.SubmitAsync(site, submission, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_comment_no_rule_decides_passes_every_step_in_order_and_is_saved_once_then_announced_once()
    {
        var steps = new PipelineSteps();
        var result = await SubmitAsync(steps, Site(), Submission(), steps.Rule("words", 10), steps.Rule("model", 20), steps.Rule("trust", 30));

        Assert.Null(result.Problem);
        Assert.Equal(["secret", "thread", "ban", "duplicate", "flood-read", "sequence", "rule:words", "rule:model", "rule:trust", "save+flood", "event:Published"], steps.Log);
        var saved = Assert.Single(steps.Saved).Comment;
        Assert.Equal(CommentStatus.Published, saved.Status);
        Assert.Same(saved, Assert.Single(steps.Events).Comment);
    }

    [Fact]
    public async Task A_comment_that_fails_validation_asks_nothing_of_the_store_or_the_rules()
    {
        var steps = new PipelineSteps();
        var result = await SubmitAsync(steps, Site(), Submission(text: "  "), steps.Rule("words", 10));

        Assert.Equal("comment.invalid", result.Problem?.Code);
        Assert.Empty(steps.Log);
    }

    [Fact]
    public async Task The_first_rule_that_decides_ends_the_run_and_the_held_comment_is_saved_and_announced_as_held()
    {
        var steps = new PipelineSteps();
        await SubmitAsync(steps, Site(), Submission(), steps.Rule("words", 10), steps.Rule("model", 20, CommentStatus.Spam), steps.Rule("trust", 30));

        Assert.Equal(["secret", "thread", "ban", "duplicate", "flood-read", "sequence", "rule:words", "rule:model", "save+flood", "event:Held"], steps.Log);
        var saved = Assert.Single(steps.Saved).Comment;
        Assert.Equal(CommentStatus.Spam, saved.Status);
        Assert.Equal(["test.model"], saved.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task A_ban_decides_before_any_rule_runs()
    {
        var steps = new PipelineSteps { Ban = new Ban(BanKind.Ip, "x", null, "Spammer.") };
        await SubmitAsync(steps, Site(), Submission(), steps.Rule("words", 10));

        Assert.DoesNotContain("rule:words", steps.Log);
        Assert.Equal(["secret", "thread", "ban", "duplicate", "flood-read", "sequence", "save+flood", "event:Held"], steps.Log);
        Assert.Equal(CommentStatus.Rejected, Assert.Single(steps.Saved).Comment.Status);
    }

    [Fact]
    public async Task The_sites_pre_moderation_holds_only_what_no_rule_decided()
    {
        var undecided = new PipelineSteps();
        await SubmitAsync(undecided, Site(ModerationMode.Pre), Submission(), undecided.Rule("words", 10));
        var pending = Assert.Single(undecided.Saved).Comment;
        Assert.Equal(CommentStatus.Pending, pending.Status);
        Assert.Equal(["site.pre_moderation"], pending.Reasons.Select(r => r.Code));

        var decided = new PipelineSteps();
        await SubmitAsync(decided, Site(ModerationMode.Pre), Submission(), decided.Rule("words", 10, CommentStatus.Rejected));
        var rejected = Assert.Single(decided.Saved).Comment;
        Assert.Equal(CommentStatus.Rejected, rejected.Status);
        Assert.Equal(["test.words"], rejected.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task A_duplicate_is_refused_before_the_flood_window_the_rules_and_any_write()
    {
        var steps = new PipelineSteps { DuplicateText = true };
        var result = await SubmitAsync(steps, Site(), Submission(), steps.Rule("words", 10));

        Assert.Equal("comment.duplicate", result.Problem?.Code);
        Assert.Equal(["secret", "thread", "ban", "duplicate", "flood-read", "sequence"], steps.Log);
        Assert.Empty(steps.Saved);
    }

    [Fact]
    public async Task A_closed_thread_is_refused_before_the_flood_window_the_rules_and_any_write()
    {
        var steps = new PipelineSteps { Thread = new CommentThread("s", "t", null, null, Now.AddDays(-1), true, 1) };
        var result = await SubmitAsync(steps, Site(), Submission(), steps.Rule("words", 10));

        Assert.Equal("comment.thread_closed", result.Problem?.Code);
        Assert.Equal(["secret", "thread", "ban", "duplicate", "flood-read", "sequence"], steps.Log);
        Assert.Empty(steps.Saved);
        Assert.Empty(steps.Events);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
