using Comments.Core.Comments;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Rules;

/// <summary>Step 6: link-heavy comments wait for a moderator (WordPress holds at 2 links by default).</summary>
public sealed class LinkCountRule : IDecisionRule
{
    public int Order => 65;

    public ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var limit = context.Site.HoldAtLinks;
        if (limit <= 0) return ValueTask.FromResult<CommentStatus?>(null);
        var links = Links.Count(context.NormalizedText);
        if (links < limit) return ValueTask.FromResult<CommentStatus?>(null);
        context.Reasons.Add(new CommentReason("rule.links", $"Contains {links} links (the site holds at {limit})."));
        return ValueTask.FromResult<CommentStatus?>(CommentStatus.Pending);
    }
}
