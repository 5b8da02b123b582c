using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.Storage;

namespace Comments.Core.Moderation;

/// <summary>
/// Applies moderator actions: one atomic store change per comment, then one event for every
/// change (for readers: approve → Published; hiding a published comment → Removed; editing or
/// pinning a published comment → Updated; anything else → Moved, which only moderators hear).
/// Reader flags go the same way: the flag that reports a comment is one Reported event.
/// </summary>
public sealed class ModerationService(
    IModerationStore store,
    ICommentStore comments,
    ISubmissionGuards guards,
    CommentDecisions decisions,
    ICommentEventPublisher events,
    TimeProvider clock)
{
    public async Task<ModerationResult> ApplyAsync(Moderator who, string site, string commentId, ModerationCommand command, CancellationToken ct = default)
    {
        var outcome = await store.ChangeAsync(site, commentId,
            (comment, reported) => decisions.Decide(who, command, comment, reported, clock.GetUtcNow()), ct);
        if (outcome is null) return ModerationResult.NotFound;
        if (outcome.Decision is Decision.Refused refused)
            return new ModerationResult(ModerationResultKind.Refused, outcome, refused.Code, refused.Message);
        if (outcome.Decision is Decision.Change) events.Publish(CommentEvent.Changed(CommentEventSource.Moderator, outcome));
        return new ModerationResult(ModerationResultKind.Done, outcome);
    }

    /// <summary>
    /// Records one reader's flag; the flag that reaches the site's threshold reports the comment
    /// and publishes one <see cref="CommentEventKind.Reported"/> event.
    /// </summary>
    public async Task<FlagOutcome> FlagAsync(string site, string commentId, string readerKey, string reason, int threshold, CancellationToken ct = default)
    {
        var outcome = await store.AddFlagAsync(site, commentId, readerKey, reason, threshold, ct);
        if (outcome.BecameReported && await comments.GetAsync(site, commentId, ct) is { } reported)
            events.Publish(new CommentEvent(CommentEventKind.Reported, reported) { Source = CommentEventSource.Reader });
        return outcome;
    }

    /// <summary>What readers must be told, if anything.</summary>
    public static CommentEventKind? ReaderEvent(Comment before, Comment after)
    {
        var was = before.Status == CommentStatus.Published;
        var now = after.Status == CommentStatus.Published;
        if (!was && now) return CommentEventKind.Published;
        if (was && !now) return CommentEventKind.Removed;
        if (was && now && (before.Text != after.Text || before.Pinned != after.Pinned)) return CommentEventKind.Updated;
        return null;
    }

    public async Task BanAsync(Moderator who, string site, Ban ban, string shownValue, CancellationToken ct = default)
    {
        await guards.AddBanAsync(site, ban with { Shown = shownValue, By = who.Name, At = clock.GetUtcNow() }, ct);
        var until = ban.ExpiresAt is { } at ? $" until {at:O}" : "";
        await store.AppendAuditAsync(site, new AuditEntry(0, clock.GetUtcNow(), who.Name, "ban", null, null, ban.Reason,
            null, new AuditState(Detail: $"{Kind(ban.Kind)} {shownValue}{until}")), ct);
    }

    public async Task UnbanAsync(Moderator who, string site, BanKind kind, string value, string shownValue, CancellationToken ct = default)
    {
        await guards.RemoveBanAsync(site, kind, value, ct);
        await store.AppendAuditAsync(site, new AuditEntry(0, clock.GetUtcNow(), who.Name, "unban", null, null, null,
            new AuditState(Detail: $"{Kind(kind)} {shownValue}"), null), ct);
    }

    public Task<IReadOnlyList<Ban>> BansAsync(string site, CancellationToken ct = default) => guards.ListBansAsync(site, ct);

    /// <summary>Closes or reopens a thread; a closed thread answers new comments with 409 comment.thread_closed.</summary>
    public async Task SetThreadClosedAsync(Moderator who, string site, string threadId, bool closed, CancellationToken ct = default)
    {
        var before = await comments.GetThreadAsync(site, threadId, ct);
        await comments.SetThreadClosedAsync(site, threadId, closed, ct);
        await store.AppendAuditAsync(site, new AuditEntry(0, clock.GetUtcNow(), who.Name, closed ? "close" : "reopen", null, threadId, null,
            new AuditState(Detail: before?.Closed == true ? "closed" : "open"), new AuditState(Detail: closed ? "closed" : "open")), ct);
    }

    /// <summary>
    /// Corrects the thread's title or page URL, which the first commenter's browser supplied
    /// (a reader's title only ever fills a missing one). Audited as "thread.details".
    /// </summary>
    public async Task SetThreadDetailsAsync(Moderator who, string site, string threadId, string? title, string? url, CancellationToken ct = default)
    {
        var before = await comments.GetThreadAsync(site, threadId, ct);
        await comments.SetThreadDetailsAsync(site, threadId, title, url, ct);
        await store.AppendAuditAsync(site, new AuditEntry(0, clock.GetUtcNow(), who.Name, "thread.details", null, threadId, null,
            new AuditState(Detail: $"{before?.Title} <{before?.Url}>"), new AuditState(Detail: $"{title ?? before?.Title} <{url ?? before?.Url}>")), ct);
    }

    private static string Kind(BanKind kind) => kind.ToLowerName();
}
