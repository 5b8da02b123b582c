using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Rules;

/// <summary>
/// Step 6: link-heavy comments wait for a moderator (WordPress holds at 2 links by default),
/// unless the author is trusted: a regular's links are not a reason to hold.
/// </summary>
public sealed class LinkCountRule(IAuthorHistory history) : IDecisionRule
{
    public int Order => 65;

    public async ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var limit = context.Site.HoldAtLinks;
        if (limit <= 0) return null;
        var links = Links.Count(context.NormalizedText);
        if (links < limit) return null;
        context.Reasons.Add(new CommentReason("rule.links", $"Contains {links} links (the site holds at {limit})."));
        if (await AuthorTrust.IsTrustedAsync(history, context, ct))
        {
            context.Reasons.Add(AuthorTrust.SkippedHold);
            return null;
        }
        return CommentStatus.Pending;
    }
}
