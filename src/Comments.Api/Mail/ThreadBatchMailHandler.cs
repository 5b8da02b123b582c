using System.Net;
using Comments.Core.Comments;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Subscriptions;

namespace Comments.Api.Mail;

/// <summary>
/// One thread's new comments of one time window, to each address that confirmed follow-up comments of the
/// thread: one mail per address, leaving out the comments the address wrote itself and the replies to its
/// own comments (those came by their own mail).
/// </summary>
public sealed class ThreadBatchMailHandler(SiteDirectory sites, ICommentStore comments, ISubscriptionStore subscriptions,
    StoreDigests digests, MailComposer composer) : IOutboxHandler
{
    private const int MaxCommentsPerMail = 50;

    public string Kind => OutboxKinds.ThreadDigest;

    public static OutboxItem Item(string site, string thread, long window) =>
        new($"thread-batch:{window}:{thread}", OutboxKinds.ThreadDigest, site,
            new Dictionary<string, string> { ["thread"] = thread, ["window"] = window.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("thread") is not { } threadId || !long.TryParse(item.Get("window"), out var window)) return;
        var ids = await subscriptions.ThreadBatchAsync(site.Id, threadId, window, ct);
        var published = new List<Comment>();
        foreach (var id in ids)
            if (await comments.GetAsync(site.Id, id, ct) is { Status: CommentStatus.Published } c) published.Add(c);
        if (published.Count == 0) return;
        published.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        var thread = await comments.GetThreadAsync(site.Id, threadId, ct);
        // Whose comment each one answers: that author had the reply by its own mail already.
        var answered = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var c in published)
            answered[c.Id] = c.ParentId is { } p && await comments.GetAsync(site.Id, p, ct) is { AuthorEmail: { Length: > 0 } pe } ? digests.Email(pe) : null;

        foreach (var digest in await subscriptions.ThreadSubscribersAsync(site.Id, threadId, ct))
        {
            var theirs = published.Where(c => (c.AuthorEmail is not { Length: > 0 } e || digests.Email(e) != digest) && answered[c.Id] != digest)
                .Take(MaxCommentsPerMail).ToList();
            if (theirs.Count == 0) continue;
            if (await subscriptions.ConfirmedForThreadAsync(site.Id, digest, threadId, ct) is not { } to) continue;
            var values = PublishedMailHandler.Values(theirs[0], thread);
            values["comments_text"] = string.Concat(theirs.Select(c => $"{c.AuthorName}:\n{MailTemplates.TextOf(c.Html)}\n\n"));
            values["comments_html"] = string.Concat(theirs.Select(c => $"<p><strong>{WebUtility.HtmlEncode(c.AuthorName)}</strong></p><blockquote>{c.Html}</blockquote>"));
            values["count"] = theirs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await composer.SendOnceAsync(new ReaderMail(site, $"{item.Id}.{digest}", to, digest, null, MailTemplates.Thread, values), ct);
        }
    }
}
