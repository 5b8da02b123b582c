using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comments.Api.Comments;
using Comments.Core.Comments;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Storage;

namespace Comments.Api.Webhooks;

/// <summary>
/// A comment became published: each of the site's webhooks that wants "published" gets one signed POST
/// (<see cref="WebhookDelivery"/>: retried per hook with backoff, then kept as a dead letter).
/// The body carries the public comment only: never an email or an IP.
/// </summary>
public sealed class WebhookHandler(SiteDirectory sites, ICommentStore comments, WebhookDelivery delivery) : IOutboxHandler
{
    public const string Kind_ = "webhook.published";
    public const string HttpClientName = "webhooks";
    public const string Event = "comment.published";
    public string Kind => Kind_;

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("comment") is not { } id) return;
        // Removed again before its hooks were called: like readers, they are not told.
        if (await comments.GetAsync(site.Id, id, ct) is not { Status: CommentStatus.Published } comment) return;
        var thread = await comments.GetThreadAsync(site.Id, comment.ThreadId, ct);
        await delivery.DeliverAsync(site, item.Id, WebhookEvents.Published, Event,
            hook => hook.Format == WebhookFormat.Slack ? SlackBody(comment, thread) : JsonBody(site, comment, thread), ct);
    }

    /// <summary>
    /// The request with its proof: <c>X-Comments-Signature: sha256=</c> HMAC-SHA256 under the hook's
    /// secret of <c>{timestamp}.{body}</c>, so a receiver checks the body and refuses an old timestamp
    /// (a replay); <c>X-Comments-Delivery</c> is the same on every retry, so it can drop a duplicate.
    /// </summary>
    public static HttpRequestMessage Signed(SiteWebhook hook, string delivery, string body, DateTimeOffset now, string @event = Event)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Comments-Event", @event);
        request.Headers.Add("X-Comments-Delivery", delivery);
        request.Headers.Add("X-Comments-Timestamp", timestamp);
        request.Headers.Add("X-Comments-Signature", "sha256=" + Signature(hook.Secret, timestamp, body));
        return request;
    }

    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private static string JsonBody(SiteOptions site, Comment comment, CommentThread? thread) => new JsonObject
    {
        ["event"] = "comment.published",
        ["site"] = site.Id,
        ["thread"] = comment.ThreadId,
        ["threadTitle"] = thread?.Title,
        ["threadUrl"] = thread?.Url,
        ["comment"] = JsonSerializer.SerializeToNode(PublicComment.From(comment), ApiJson.Default.PublicComment),
    }.ToJsonString();

    private static string SlackBody(Comment comment, CommentThread? thread)
    {
        var where = thread?.Url is { } url ? $"<{url}#comment-{comment.Id}|{Escape(thread.Title ?? comment.ThreadId)}>" : Escape(comment.ThreadId);
        var text = Mail.MailTemplates.TextOf(comment.Html);
        if (text.Length > 500) text = text[..500] + "…";
        return new JsonObject { ["text"] = $"New comment by {Escape(comment.AuthorName)} on {where}:\n{Escape(text)}" }.ToJsonString();
    }

    /// <summary>Slack's three control characters in message text.</summary>
    internal static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static OutboxItem Item(Comment comment) =>
        new($"webhook:{comment.Id}", Kind_, comment.Site, new Dictionary<string, string> { ["comment"] = comment.Id });
}

public sealed class WebhookFailedException(string message) : Exception(message);

/// <summary>
/// Queues the webhook items of a published, held, reported or decided comment when one of its site's hooks
/// wants that event, in the change's own transaction.
/// </summary>
public sealed class WebhookTrigger(SiteDirectory sites) : IOutboxTrigger
{
    public IEnumerable<OutboxItem> OnPublished(Comment comment) =>
        Wanted(comment.Site, WebhookEvents.Published) ? [WebhookHandler.Item(comment)] : [];

    public IEnumerable<OutboxItem> OnModeration(ModerationEvent e) =>
        Wanted(e.Comment.Site, WebhookEvents.Of(e.Kind)) ? [ModerationWebhookHandler.Item(e)] : [];

    private bool Wanted(string site, string @event) => sites.Find(site) is { } s && s.Webhooks.Any(h => h.Wants(@event));
}
