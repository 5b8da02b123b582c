using Comments.Core.Scoring;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Tests.Rules;

/// <summary>Builds rule inputs. The scorer and history here are fixed answers for testing decision logic only.</summary>
internal static class RuleTestKit
{
    /// <summary>Fixed here so the decision tests do not move when the shipped defaults are re-tuned.</summary>
    public static readonly ModelThresholds Thresholds = new() { Spam = 0.9, SpamHold = 0.5, Toxicity = 0.8, ToxicityHold = 0.5, TrustAfterPublished = 2 };

    public static SubmissionContext Context(string text, SiteOptions? site = null, string? honeypot = null, string? email = "ann@example.com") =>
        new(site ?? new SiteOptions { Id = "s", Thresholds = Thresholds },
            new CommentSubmission { Site = "s", ThreadId = "t", Text = text, AuthorName = "Ann", AuthorEmail = email, Ip = "192.0.2.1", Honeypot = honeypot },
            TextNormalizer.Normalize(text), null) { AuthorDigest = email is null ? null : "author-digest" };

    public sealed class FixedScorer(double? spam, double? toxicity, double? spamWithoutLinks = null) : ICommentScorer
    {
        public double? WithoutQuotes { get; init; }
        public double? WithoutProfanity { get; init; }
        public double? WithoutIdentity { get; init; }
        public bool Dehumanising { get; init; }
        public bool Derogatory { get; init; }
        public string? Solicitation { get; init; }
        public bool Profane { get; init; }

        public CommentScores Score(string normalizedText) =>
            new(spam, toxicity, "test-v1", ["buy"], ["idiot"], spamWithoutLinks, WithoutQuotes, WithoutProfanity, Profane,
                ToxicityWithoutIdentity: WithoutIdentity, Dehumanising: Dehumanising, Derogatory: Derogatory, Solicitation: Solicitation);
        public ScorerHealth Health => new(spam is not null, "fixed");
    }

    public sealed class FixedHistory(AuthorHistory record) : IAuthorHistory
    {
        public Task<AuthorHistory> GetAsync(string site, string emailDigest, CancellationToken ct = default) => Task.FromResult(record);
    }

    public static readonly AuthorHistory Newcomer = new(0, 0, 0, 0, 0);
    public static readonly AuthorHistory Regular = new(5, 0, 0, 0, 0);
    public static readonly AuthorHistory RecentlyRejected = new(5, 0, 1, 0, 1);
}
