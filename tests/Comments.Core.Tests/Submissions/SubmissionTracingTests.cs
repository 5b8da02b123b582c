using System.Collections.Concurrent;
using System.Diagnostics;
using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Comments.Core.Telemetry;
using Comments.Core.Text;

namespace Comments.Core.Tests.Submissions;

/// <summary>
/// With a listener on the <c>Comments</c> source (what OTLP export adds), a submission is one
/// <c>comment.submit</c> span with a child per pipeline step, tagged with its site, thread and decision.
/// </summary>
public sealed class SubmissionTracingTests
{
    [Fact]
    public async Task A_submission_is_one_span_with_a_child_per_step_tagged_with_its_decision()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CommentsDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var thread = $"trace-{Guid.NewGuid():N}";
        var steps = new PipelineSteps();
        var pipeline = new SubmissionPipeline(steps, steps, new CommentRenderer(), [steps.Rule("model", 20)], steps,
            new StoreDigests(steps), TimeProvider.System);

        var result = await pipeline.SubmitAsync(new SiteOptions { Id = "s", FloodIntervalSeconds = 15 },
            new CommentSubmission { Site = "s", ThreadId = thread, Text = "A fine comment.", AuthorName = "Ann", AuthorEmail = "ann@example.com", Ip = "192.0.2.1" },
            TestContext.Current.CancellationToken);

        Assert.Null(result.Problem);
        var submit = Assert.Single(stopped, a => a.OperationName == "comment.submit" && (string?)a.GetTagItem("comments.thread") == thread);
        Assert.Equal("s", submit.GetTagItem("comments.site"));
        Assert.Equal("published", submit.GetTagItem("comments.decision"));
        Assert.Equal(result.Stored!.Id, submit.GetTagItem("comments.comment"));
        var children = stopped.Where(a => a.ParentSpanId == submit.SpanId).Select(a => a.OperationName).ToList();
        Assert.Equal(["comment.validate", "comment.lookups", "comment.decide", "comment.store"], children);
    }
}
