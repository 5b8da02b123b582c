using Comments.Core.Comments;
using Comments.Core.Submissions;

namespace Comments.Core.Rules;

/// <summary>A field people never see: anything in it was typed by a bot.</summary>
public sealed class HoneypotRule : IDecisionRule
{
    public int Order => 50;

    public ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(context.Submission.Honeypot)) return ValueTask.FromResult<CommentStatus?>(null);
        context.Reasons.Add(new CommentReason("rule.honeypot", "The hidden field that only bots fill in was filled in."));
        return ValueTask.FromResult<CommentStatus?>(CommentStatus.Spam);
    }
}
