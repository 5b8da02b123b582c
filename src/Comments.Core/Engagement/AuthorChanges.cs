using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Engagement;

public enum AuthorChangeStatus { Done, BadToken, NotFound, WindowClosed, Invalid }

/// <param name="Error">For <see cref="AuthorChangeStatus.Invalid"/>: the field error of the shared text rule.</param>
public sealed record AuthorChangeResult(AuthorChangeStatus Status, Comment? After = null, string? Message = null, FieldError? Error = null);

/// <summary>
/// An author edits or deletes their own comment within the site's window
/// (<see cref="SiteOptions.AuthorEditWindowMinutes"/>), proving authorship with the token the
/// submission returned. The change goes through the moderation store's one atomic write path, so
/// moderators see it in the audit log (as "author"), and readers get the usual event.
/// An edit is judged by the submission pipeline exactly as a new comment with that text would be
/// (<see cref="SubmissionPipeline.ReviewEditAsync"/>): text that would be held is held, and a
/// published comment then leaves the readers' view. An edit never publishes a held comment.
/// </summary>
public sealed class AuthorChanges(IModerationStore store, ICommentStore comments, AuthorTokens tokens, CommentRenderer renderer,
    SubmissionPipeline pipeline, ICommentEventPublisher events, TimeProvider clock)
{
    public const string Author = "author";

    public async Task<AuthorChangeResult> EditAsync(SiteOptions site, string id, string? token, string? text, CancellationToken ct = default)
    {
        if (EditedTextValidator.Check(text) is { } error) return new AuthorChangeResult(AuthorChangeStatus.Invalid, null, error.Message, error);
        if (!CouldBeOwn(id, token)) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        // Judged only for the holder of the comment's token; anyone else learns nothing about it.
        if (await comments.GetAsync(site.Id, id, ct) is not { } current || !tokens.Verify(current, token))
            return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        var review = await pipeline.ReviewEditAsync(site, current, text!, ct);
        var now = clock.GetUtcNow();
        return await ApplyAsync(site, id, token, "edit", now, c => c.Text == text ? null : c with
            {
                Text = text!,
                Html = renderer.Render(text!),
                UpdatedAt = now,
                Status = AfterEdit(c.Status, review.Status),
                Reasons = review.Reasons,
                SpamScore = review.Scores?.Spam,
                ToxicityScore = review.Scores?.Toxicity,
                ModelVersion = review.Scores?.ModelVersion,
            },
            c => (new AuditState(Text: c.Text, Status: CommentDecisions.Name(c.Status)),
                new AuditState(Text: text, Status: CommentDecisions.Name(AfterEdit(c.Status, review.Status)))));
    }

    /// <summary>A well-formed token for a well-formed comment id, checked before anything is read.</summary>
    private static bool CouldBeOwn(string id, string? token) => Ids.IsComment(id) && AuthorTokens.IsWellFormed(token);

    /// <summary>An edit can hold or reject a comment, never publish one: a clean edit keeps the status it had.</summary>
    private static CommentStatus AfterEdit(CommentStatus current, CommentStatus? judged) => judged switch
    {
        null => current,
        CommentStatus.Pending when current == CommentStatus.Spam => current,
        _ => judged.Value,
    };

    public Task<AuthorChangeResult> DeleteAsync(SiteOptions site, string id, string? token, CancellationToken ct = default) =>
        ApplyAsync(site, id, token, "delete", clock.GetUtcNow(), c => c with { Status = CommentStatus.Deleted, Pinned = false },
            c => (new AuditState(Status: CommentDecisions.Name(c.Status)), new AuditState(Status: CommentDecisions.Name(CommentStatus.Deleted))));

    /// <summary>
    /// The author's own comment as it stands now, so their page can drop a held comment a
    /// moderator rejected. Read-only; the token is checked first, as for a change.
    /// </summary>
    public async Task<AuthorChangeResult> StatusAsync(SiteOptions site, string id, string? token, CancellationToken ct = default)
    {
        if (!CouldBeOwn(id, token)) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        var comment = await comments.GetAsync(site.Id, id, ct);
        // A token is checked against the comment it names: it says nothing about a comment it was not issued for.
        return comment is not null && tokens.Verify(comment, token)
            ? new AuthorChangeResult(AuthorChangeStatus.Done, comment)
            : new AuthorChangeResult(AuthorChangeStatus.BadToken);
    }

    private async Task<AuthorChangeResult> ApplyAsync(SiteOptions site, string id, string? token, string action, DateTimeOffset now,
        Func<Comment, Comment?> change, Func<Comment, (AuditState Before, AuditState After)> audit)
    {
        // Without a token that matches the stored comment, nothing about the comment is revealed or changed.
        if (!CouldBeOwn(id, token)) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        var window = TimeSpan.FromMinutes(site.AuthorEditWindowMinutes);
        var outcome = await store.ChangeAsync(site.Id, id, (c, _) =>
        {
            if (!tokens.Verify(c, token)) return new Decision.Refused(ErrorCodes.AuthorBadToken, "The author token does not match this comment.");
            if (c.Status is not (CommentStatus.Published or CommentStatus.Pending))
                return new Decision.Refused(ErrorCodes.CommentNotFound, "The comment is no longer there.");
            if (now - c.CreatedAt > window)
                return new Decision.Refused(ErrorCodes.AuthorWindowClosed, $"Comments can be changed for {site.AuthorEditWindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)} minutes after posting.");
            if (change(c) is not { } after) return new Decision.Unchanged();
            var (before, then) = audit(c);
            return new Decision.Change(after, new AuditEntry(0, now, Author, "author." + action, c.Id, c.ThreadId, null, before, then), null, false);
        });
        if (outcome is null) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        if (outcome.Decision is Decision.Refused refused)
        {
            return new AuthorChangeResult(refused.Code switch
            {
                ErrorCodes.AuthorBadToken => AuthorChangeStatus.BadToken,
                ErrorCodes.AuthorWindowClosed => AuthorChangeStatus.WindowClosed,
                _ => AuthorChangeStatus.NotFound,
            }, null, refused.Message);
        }
        // One event; an edit that sends a published comment back to a moderator is Removed for
        // readers, and its subscribers put it in the moderators' queue.
        if (outcome.Decision is Decision.Change) events.Publish(CommentEvent.Changed(CommentEventSource.Author, outcome));
        return new AuthorChangeResult(AuthorChangeStatus.Done, outcome.After);
    }
}
