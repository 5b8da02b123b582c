using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Moderation;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Engagement;

public enum AuthorChangeStatus { Done, BadToken, NotFound, WindowClosed, Invalid }

public sealed record AuthorChangeResult(AuthorChangeStatus Status, Comment? After = null, string? Message = null);

/// <summary>
/// An author edits or deletes their own comment within the site's window
/// (<see cref="SiteOptions.AuthorEditWindowMinutes"/>), proving authorship with the token the
/// submission returned. The change goes through the moderation store's one atomic write path, so
/// moderators see it in the audit log (as "author"), and readers get the usual event.
/// </summary>
public sealed class AuthorChanges(IModerationStore store, ICommentStore comments, AuthorTokens tokens, CommentRenderer renderer,
    ICommentEventPublisher events, TimeProvider clock)
{
    public const string Author = "author";
    private const string WindowClosedCode = "author.window_closed";
    private const string GoneCode = "author.gone";
    private const string BadTokenCode = "author.bad_token";

    public Task<AuthorChangeResult> EditAsync(SiteOptions site, string id, string? token, string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return Invalid("Write a comment.");
        if (!TextChecks.IsWellFormedUtf16(text) || TextChecks.HasControlCharacters(text, multiline: true))
            return Invalid("The text contains control characters or invalid Unicode.");
        if (TextChecks.Utf8Bytes(text) > FieldLimits.TextBytes) return Invalid($"At most {FieldLimits.TextBytes} bytes (UTF-8).");
        var now = clock.GetUtcNow();
        return ApplyAsync(site, id, token, "edit", now, c => c.Text == text ? null : c with { Text = text, Html = renderer.Render(text), UpdatedAt = now },
            c => (new AuditState(Text: c.Text), new AuditState(Text: text)));
    }

    public Task<AuthorChangeResult> DeleteAsync(SiteOptions site, string id, string? token, CancellationToken ct = default) =>
        ApplyAsync(site, id, token, "delete", clock.GetUtcNow(), c => c with { Status = CommentStatus.Deleted, Pinned = false },
            c => (new AuditState(Status: CommentDecisions.Name(c.Status)), new AuditState(Status: CommentDecisions.Name(CommentStatus.Deleted))));

    /// <summary>
    /// The author's own comment as it stands now, so their page can drop a held comment a
    /// moderator rejected. Read-only; the token is checked first, as for a change.
    /// </summary>
    public async Task<AuthorChangeResult> StatusAsync(SiteOptions site, string id, string? token, CancellationToken ct = default)
    {
        if (!AuthorTokens.IsWellFormed(token)) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
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
        if (!AuthorTokens.IsWellFormed(token)) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        var window = TimeSpan.FromMinutes(site.AuthorEditWindowMinutes);
        var outcome = await store.ChangeAsync(site.Id, id, (c, _) =>
        {
            if (!tokens.Verify(c, token)) return new Decision.Refused(BadTokenCode, "The author token does not match this comment.");
            if (c.Status is not (CommentStatus.Published or CommentStatus.Pending))
                return new Decision.Refused(GoneCode, "The comment is no longer there.");
            if (now - c.CreatedAt > window)
                return new Decision.Refused(WindowClosedCode, $"Comments can be changed for {site.AuthorEditWindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)} minutes after posting.");
            if (change(c) is not { } after) return new Decision.Unchanged();
            var (before, then) = audit(c);
            return new Decision.Change(after, new AuditEntry(0, now, Author, "author." + action, c.Id, c.ThreadId, null, before, then), null, false);
        });
        if (outcome is null) return new AuthorChangeResult(AuthorChangeStatus.BadToken);
        if (outcome.Decision is Decision.Refused refused)
        {
            return new AuthorChangeResult(refused.Code switch
            {
                BadTokenCode => AuthorChangeStatus.BadToken,
                WindowClosedCode => AuthorChangeStatus.WindowClosed,
                _ => AuthorChangeStatus.NotFound,
            }, null, refused.Message);
        }
        if (outcome.Decision is Decision.Change && ModerationService.ReaderEvent(outcome.Before, outcome.After) is { } kind)
            events.Publish(new CommentEvent(kind, outcome.After, outcome.PublishedCount));
        return new AuthorChangeResult(AuthorChangeStatus.Done, outcome.After);
    }

    private static Task<AuthorChangeResult> Invalid(string message) =>
        Task.FromResult(new AuthorChangeResult(AuthorChangeStatus.Invalid, null, message));
}
