using Comments.Core.Comments;
using Comments.Core.Submissions;

namespace Comments.Core.Rules;

/// <summary>Step 6: link-heavy comments wait for a moderator (WordPress holds at 2 links by default).</summary>
public sealed class LinkCountRule : IDecisionRule
{
    public int Order => 65;

    public ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var limit = context.Site.HoldAtLinks;
        if (limit <= 0) return ValueTask.FromResult<CommentStatus?>(null);
        var links = CountLinks(context.NormalizedText);
        if (links < limit) return ValueTask.FromResult<CommentStatus?>(null);
        context.Reasons.Add(new CommentReason("rule.links", $"Contains {links} links (the site holds at {limit})."));
        return ValueTask.FromResult<CommentStatus?>(CommentStatus.Pending);
    }

    /// <summary>Counts http://, https:// and bare www. addresses.</summary>
    public static int CountLinks(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var rest = text.AsSpan(i);
            if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '/')))
            {
                count++;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            }
        }
        return count;
    }
}
