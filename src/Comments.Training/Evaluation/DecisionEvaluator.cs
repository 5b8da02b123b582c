using Comments.Core.Comments;
using Comments.Core.Rules;
using Comments.Core.Scoring;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Comments.Training.Data;

namespace Comments.Training.Evaluation;

/// <summary>
/// Runs labelled rows through the service's own decision rules (word lists, links, model, trust)
/// at a site's settings, once as a new author and once as a trusted one, and counts where each
/// label ends up. The scorer is the service's real <see cref="ICommentScorer"/>; only the
/// author's history is fixed, because who the author is is the variable being measured.
/// </summary>
public static class DecisionEvaluator
{
    public static DecisionReport Evaluate(ICommentScorer scorer, SiteOptions site, IReadOnlyList<LabelledRow> rows)
    {
        var trustedRecord = new AuthorHistory(Math.Max(site.Thresholds.TrustAfterPublished, 1), 0, 0, 0, 0);
        return new DecisionReport(
            Run(scorer, site, rows, new AuthorHistory(0, 0, 0, 0, 0)),
            Run(scorer, site, rows, trustedRecord));
    }

    private static AuthorDecisions Run(ICommentScorer scorer, SiteOptions site, IReadOnlyList<LabelledRow> rows, AuthorHistory author)
    {
        var history = new FixedHistory(author);
        IDecisionRule[] rules = [.. ServiceRules.Create(scorer, history).OrderBy(r => r.Order)];
        var negative = new StatusCounts();
        var positive = new StatusCounts();
        foreach (var row in rows)
        {
            var submission = new CommentSubmission
            {
                Site = site.Id, ThreadId = "evaluation", Text = row.Text, AuthorName = "Reader",
                AuthorEmail = "reader@example.com", Ip = "192.0.2.1",
            };
            // FixedHistory answers for any author: the digest only has to say there is one.
            var context = new SubmissionContext(site, submission, TextNormalizer.Normalize(row.Text), null) { AuthorDigest = "evaluation" };
            CommentStatus? status = null;
            foreach (var rule in rules)
            {
                status = rule.DecideAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                if (status is not null) break;
            }
            if (status is null && site.ModerationMode == ModerationMode.Pre) status = CommentStatus.Pending;
            (row.Label ? positive : negative).Add(status ?? CommentStatus.Published, context.Reasons.Select(r => r.Code));
        }
        return new AuthorDecisions(negative.Shares(), positive.Shares());
    }

    private sealed class FixedHistory(AuthorHistory record) : IAuthorHistory
    {
        public Task<AuthorHistory> GetAsync(string site, string emailDigest, CancellationToken ct = default) => Task.FromResult(record);
    }

    private sealed class StatusCounts
    {
        private int _published, _pending, _spam, _total;
        private readonly SortedDictionary<string, int> _heldBy = new(StringComparer.Ordinal);

        public void Add(CommentStatus status, IEnumerable<string> reasonCodes)
        {
            _total++;
            if (status == CommentStatus.Published) _published++;
            else if (status == CommentStatus.Spam) _spam++;
            else _pending++; // pending, and rejected (never decided by these rules)
            if (status == CommentStatus.Published) return;
            foreach (var code in reasonCodes.Distinct()) _heldBy[code] = _heldBy.GetValueOrDefault(code) + 1;
        }

        public DecisionShares Shares() => _total == 0
            ? new DecisionShares(0, 0, 0, 0, new Dictionary<string, double>())
            : new DecisionShares(_total, Share(_published), Share(_pending), Share(_spam),
                _heldBy.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => Share(p.Value)));

        private double Share(int count) => Math.Round((double)count / _total, 4);
    }
}

/// <summary>Where rows of one label went, as shares of <paramref name="Rows"/>.</summary>
/// <param name="HeldBy">
/// For each reason code found on held rows (pending or spam), the share of <paramref name="Rows"/>
/// held with it: which rule holds them. A row held for two reasons counts under both.
/// </param>
public sealed record DecisionShares(int Rows, double Published, double Pending, double Spam, IReadOnlyDictionary<string, double> HeldBy);

public sealed record AuthorDecisions(DecisionShares Negative, DecisionShares Positive);

public sealed record DecisionReport(AuthorDecisions NewAuthor, AuthorDecisions TrustedAuthor);
