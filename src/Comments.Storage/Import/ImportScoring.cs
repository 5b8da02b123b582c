using Comments.Core.Comments;
using Comments.Core.Rules;
using Comments.Core.Scoring;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Storage.Import;

/// <summary>
/// <c>import --score</c>: each imported comment through the service's own scorer and text rules
/// (<see cref="ServiceRules"/>: word lists, links, model, author trust) at the site's settings (its thresholds
/// and word lists; the defaults without <c>site</c>, as in the CLI).
/// The source's state is kept unless the rules would hold or refuse the comment: a published comment the
/// rules hold or call spam is held (a person approved it once; a moderator decides), a pending one the
/// rules call spam goes to spam. Spam and deleted rows keep their state. The reasons and scores are kept
/// on the comment as the service keeps them.
/// </summary>
public sealed class ImportScoring(ICommentScorer scorer, IAuthorHistory history, SiteOptions? site = null)
{
    private readonly IDecisionRule[] _rules = [.. ServiceRules.Create(scorer, history).OrderBy(r => r.Order)];

    /// <summary>Outcome counts: "published kept", "published → pending", "pending → spam", ….</summary>
    public SortedDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public async Task<Comment> ScoreAsync(Comment comment, string? authorDigest, CancellationToken ct = default)
    {
        if (comment.Status is not (CommentStatus.Published or CommentStatus.Pending)) return Count(comment, comment.Status);
        var settings = site ?? new SiteOptions { Id = comment.Site };
        var submission = new CommentSubmission
        {
            Site = comment.Site, ThreadId = comment.ThreadId, Text = comment.Text, AuthorName = comment.AuthorName,
            AuthorEmail = comment.AuthorEmail, AuthorUrl = comment.AuthorUrl, ParentId = comment.ParentId, Ip = comment.Ip,
        };
        var context = new SubmissionContext(settings, submission, TextNormalizer.Normalize(comment.Text), null) { AuthorDigest = authorDigest };
        CommentStatus? verdict = null;
        foreach (var rule in _rules)
            if ((verdict = await rule.DecideAsync(context, ct)) is not null) break;

        var status = (comment.Status, verdict) switch
        {
            (CommentStatus.Published, CommentStatus.Pending or CommentStatus.Spam or CommentStatus.Rejected) => CommentStatus.Pending,
            (CommentStatus.Pending, CommentStatus.Spam or CommentStatus.Rejected) => CommentStatus.Spam,
            _ => comment.Status,
        };
        return Count(comment, status) with
        {
            Status = status,
            SpamScore = context.Scores?.Spam,
            ToxicityScore = context.Scores?.Toxicity,
            ModelVersion = context.Scores?.ModelVersion,
            Reasons = [.. comment.Reasons, .. context.Reasons],
        };
    }

    private Comment Count(Comment comment, CommentStatus status)
    {
        var key = status == comment.Status ? $"{Name(status)} kept" : $"{Name(comment.Status)} → {Name(status)}";
        lock (Outcomes) Outcomes[key] = Outcomes.GetValueOrDefault(key) + 1;
        return comment;
    }

    private static string Name(CommentStatus status) => status.ToString().ToLowerInvariant();
}
