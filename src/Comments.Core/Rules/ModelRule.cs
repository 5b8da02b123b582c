using System.Globalization;
using Comments.Core.Comments;
using Comments.Core.Scoring;
using Comments.Core.Storage;
using Comments.Core.Submissions;

namespace Comments.Core.Rules;

/// <summary>
/// Steps 7 and 8: the model's spam and toxicity scores against the site's thresholds, then trust.
/// Fails closed: with no model loaded every comment waits for a moderator. A borderline hold is
/// skipped for an author with enough published comments and no recent rejection. A comment that
/// is spam only because of its links waits for a moderator instead of going to the spam folder.
/// </summary>
public sealed class ModelRule(ICommentScorer scorer, IAuthorHistory history) : IDecisionRule
{
    public int Order => 70;

    public async ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var scores = scorer.Score(context.NormalizedText);
        context.Scores = scores;
        var t = context.Site.Thresholds;

        if (scores.Spam is not { } spam || scores.Toxicity is not { } toxicity)
        {
            context.Reasons.Add(new CommentReason("model.unavailable", "The model is not loaded; every comment waits for a moderator."));
            return CommentStatus.Pending;
        }
        if (spam >= t.Spam)
        {
            if (scores.SpamWithoutLinks is { } withoutLinks && withoutLinks < t.Spam)
            {
                // The link alone makes it spam: a moderator decides rather than the spam folder.
                context.Reasons.Add(Reason("model.spam_link", "spam", spam, scores.SpamTerms,
                    $"without its links {withoutLinks.ToString("0.00", CultureInfo.InvariantCulture)}"));
                return CommentStatus.Pending;
            }
            context.Reasons.Add(Reason("model.spam", "spam", spam, scores.SpamTerms));
            return CommentStatus.Spam;
        }
        if (toxicity >= t.Toxicity)
        {
            context.Reasons.Add(Reason("model.toxic", "toxicity", toxicity, scores.ToxicTerms));
            return CommentStatus.Pending;
        }

        var borderline = new List<CommentReason>();
        if (spam >= t.SpamHold) borderline.Add(Reason("model.spam_borderline", "spam", spam, scores.SpamTerms));
        if (toxicity >= t.ToxicityHold) borderline.Add(Reason("model.toxic_borderline", "toxicity", toxicity, scores.ToxicTerms));
        if (borderline.Count == 0) return null;

        context.Reasons.AddRange(borderline);
        if (await IsTrustedAsync(context, t.TrustAfterPublished, ct))
        {
            context.Reasons.Add(new CommentReason("trust.skipped_hold", "The author has published comments here before and no recent rejection."));
            return null;
        }
        return CommentStatus.Pending;
    }

    private async Task<bool> IsTrustedAsync(SubmissionContext context, int publishedNeeded, CancellationToken ct)
    {
        if (publishedNeeded <= 0 || string.IsNullOrWhiteSpace(context.Submission.AuthorEmail)) return false;
        var record = await history.GetAsync(context.Site.Id, AuthorKeys.EmailDigest(context.Submission.AuthorEmail), ct);
        return record.Published >= publishedNeeded && record.RecentRejections == 0;
    }

    private static CommentReason Reason(string code, string what, double score, IReadOnlyList<string> terms, string? note = null)
    {
        var detail = what + " " + score.ToString("0.00", CultureInfo.InvariantCulture);
        if (note is not null) detail += " (" + note + ")";
        if (terms.Count > 0) detail += "; words that raised it most: " + string.Join(", ", terms.Select(w => $"\"{w}\""));
        return new CommentReason(code, detail);
    }
}
