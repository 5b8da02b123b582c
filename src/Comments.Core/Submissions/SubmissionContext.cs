using Comments.Core.Comments;
using Comments.Core.Scoring;
using Comments.Core.Sites;

namespace Comments.Core.Submissions;

/// <summary>What the decision rules see: the site, the request, the normalised text and the thread.</summary>
public sealed class SubmissionContext(SiteOptions site, CommentSubmission submission, string normalizedText, CommentThread? thread)
{
    public SiteOptions Site { get; } = site;
    public CommentSubmission Submission { get; } = submission;
    public string NormalizedText { get; } = normalizedText;
    public CommentThread? Thread { get; } = thread;
    public List<CommentReason> Reasons { get; } = [];
    public CommentScores? Scores { get; set; }
    /// <summary>Whether the author is trusted to skip borderline holds; null until a rule asked (Rules.AuthorTrust).</summary>
    public bool? Trusted { get; set; }
    /// <summary>The author's email as <see cref="StoreDigests.Email"/>, or null without an email: how author history is found.</summary>
    public string? AuthorDigest { get; init; }
}
