using System.Diagnostics;
using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Microsoft.Extensions.Logging;

namespace Comments.Core.Telemetry;

/// <summary>
/// What one submission's result tells the operator: the decision counter, the timing histograms,
/// the span's tags and the decision log line. Recorded once, by the pipeline, for every result.
/// </summary>
internal static class SubmissionOutcome
{
    public const string Refused = "refused";
    public const string Replayed = "replayed";
    public const string NoReason = "none";

    public static void Record(ILogger logger, Activity? span, SiteOptions site, CommentSubmission submission,
        SubmissionResult result, double? rulesSeconds, double totalSeconds)
    {
        var (decision, reason) = Classify(result);
        CommentsDiagnostics.Decisions.Add(1, new KeyValuePair<string, object?>("site", site.Id),
            new KeyValuePair<string, object?>("decision", decision), new KeyValuePair<string, object?>("reason", reason));
        CommentsDiagnostics.SubmissionDuration.Record(totalSeconds, new KeyValuePair<string, object?>("decision", decision));
        if (rulesSeconds is { } rules) CommentsDiagnostics.ScoringDuration.Record(rules);

        span?.SetTag("comments.decision", decision);
        span?.SetTag("comments.reason", reason);
        if (result.Stored is { } comment)
        {
            span?.SetTag("comments.comment", comment.Id);
            DecisionLog.Decided(logger, comment.Id, comment.Site, comment.ThreadId, decision,
                comment.Reasons.Count == 0 ? NoReason : string.Join(",", comment.Reasons.Select(r => r.Code)),
                comment.ModelVersion ?? NoReason, totalSeconds * 1000, (rulesSeconds ?? 0) * 1000);
        }
        else if (result.Problem is { } problem)
        {
            span?.SetStatus(ActivityStatusCode.Error, problem.Code);
            DecisionLog.Refused(logger, site.Id, submission.ThreadId, problem.Code, totalSeconds * 1000);
        }
    }

    /// <summary>The decision (the stored status, or refused / replayed) and the first reason code.</summary>
    public static (string Decision, string Reason) Classify(SubmissionResult result) => result switch
    {
        { Stored: { } comment } => (comment.Status.ToLowerName(), comment.Reasons.Count > 0 ? comment.Reasons[0].Code : NoReason),
        { Problem: { } problem } => (Refused, problem.Code),
        _ => (Replayed, NoReason),
    };
}
