using Comments.Core.Comments;

namespace Comments.Core.Submissions;

/// <summary>
/// Steps 6–8 of the pipeline (word lists, model, trust): each may add reasons and may decide
/// a status; the first rule that decides ends the run.
/// </summary>
public interface IDecisionRule
{
    /// <summary>Rules run in ascending order (word lists 60, model 70, trust 80).</summary>
    int Order { get; }

    ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct);
}
