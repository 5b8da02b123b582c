using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Core.Submissions;

namespace Comments.Core.Rules;

/// <summary>
/// Step 8: an email with enough published comments on the site and no recent rejection is
/// trusted to skip borderline holds (the model's and the link count's). Looked up once per
/// submission.
/// </summary>
public static class AuthorTrust
{
    public static async ValueTask<bool> IsTrustedAsync(IAuthorHistory history, SubmissionContext context, CancellationToken ct)
    {
        if (context.Trusted is { } known) return known;
        var needed = context.Site.Thresholds.TrustAfterPublished;
        var trusted = false;
        if (needed > 0 && context.AuthorDigest is { } author)
        {
            var record = await history.GetAsync(context.Site.Id, author, ct);
            trusted = record.Published >= needed && record.RecentRejections == 0;
        }
        context.Trusted = trusted;
        return trusted;
    }

    public static readonly CommentReason SkippedHold =
        new("trust.skipped_hold", "The author has published comments here before and no recent rejection.");
}
