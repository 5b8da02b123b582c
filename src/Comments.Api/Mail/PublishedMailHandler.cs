using Comments.Core.Comments;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Mail;

/// <summary>
/// A comment became published: its parent's author gets a reply mail if they confirmed follow-up comments
/// of the thread, and the comment joins the thread's batch for its subscribers (one mail per thread per
/// <c>Mail:ThreadBatchMinutes</c>, sent by <see cref="ThreadBatchMailHandler"/>).
/// </summary>
public sealed class PublishedMailHandler(SiteDirectory sites, ICommentStore comments, ISubscriptionStore subscriptions,
    StoreDigests digests, MailComposer composer, IOptions<MailOptions> options, TimeProvider clock) : IOutboxHandler
{
    public string Kind => OutboxKinds.Published;

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("comment") is not { } id) return;
        // Removed again before its mail went: readers are not told about it.
        if (await comments.GetAsync(site.Id, id, ct) is not { Status: CommentStatus.Published } comment) return;
        var thread = await comments.GetThreadAsync(site.Id, comment.ThreadId, ct);

        if (comment.ParentId is { } parentId && await comments.GetAsync(site.Id, parentId, ct) is { AuthorEmail: { Length: > 0 } parentEmail }
            && !SameAddress(parentEmail, comment.AuthorEmail))
        {
            var digest = digests.Email(parentEmail);
            if (await subscriptions.ConfirmedForThreadAsync(site.Id, digest, comment.ThreadId, ct) is { } to)
            {
                await composer.SendOnceAsync(new ReaderMail(site, item.Id + ".reply", to, digest, null, MailTemplates.Reply, Values(comment, thread)), ct);
            }
        }

        var batch = TimeSpan.FromMinutes(options.Value.ThreadBatchMinutes);
        var window = clock.GetUtcNow().Ticks / batch.Ticks;
        var due = new DateTimeOffset((window + 1) * batch.Ticks, TimeSpan.Zero);
        await subscriptions.AddToThreadBatchAsync(site.Id, comment.ThreadId, window, comment.Id,
            ThreadBatchMailHandler.Item(site.Id, comment.ThreadId, window), due, ct);
    }

    public static OutboxItem Item(Comment comment) =>
        new($"published:{comment.Id}", OutboxKinds.Published, comment.Site, new Dictionary<string, string> { ["comment"] = comment.Id });

    internal static Dictionary<string, string> Values(Comment comment, CommentThread? thread) => new()
    {
        ["author"] = comment.AuthorName,
        ["thread_title"] = thread?.Title ?? comment.ThreadId,
        ["thread_url"] = thread?.Url ?? "",
        ["comment_url"] = thread?.Url is { } url ? $"{url}#comment-{comment.Id}" : "",
        ["comment_text"] = MailTemplates.TextOf(comment.Html),
        ["comment_html"] = comment.Html,
    };

    internal static bool SameAddress(string a, string? b) =>
        b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Queues <see cref="OutboxKinds.Published"/> for every comment that becomes published, in the store's own transaction.</summary>
public sealed class PublishedMailTrigger : IOutboxTrigger
{
    public IEnumerable<OutboxItem> OnPublished(Comment comment) => [PublishedMailHandler.Item(comment)];
}
