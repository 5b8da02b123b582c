using System.Globalization;
using System.Text.Json.Nodes;
using Comments.Core;
using Comments.Core.Comments;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Storage;

namespace Comments.Api.Webhooks;

/// <summary>
/// A comment was held, reported or decided: each hook that wants the event gets one signed POST. The event's
/// facts (status, reason codes, the moderator's name, the flag count) were copied into the item when the
/// change was written, so a later change does not rewrite what happened; the comment is read again only for
/// the author's name and the thread in the Slack line. Never an email, an IP or a key.
/// </summary>
public sealed class ModerationWebhookHandler(SiteDirectory sites, ICommentStore comments, WebhookDelivery delivery) : IOutboxHandler
{
    public const string Kind_ = "webhook.moderation";
    public string Kind => Kind_;

    public static OutboxItem Item(ModerationEvent e)
    {
        var c = e.Comment;
        var data = new Dictionary<string, string>
        {
            ["event"] = WebhookEvents.Of(e.Kind),
            ["comment"] = c.Id,
            ["thread"] = c.ThreadId,
            ["status"] = c.Status.ToLowerName(),
            ["reasons"] = string.Join(",", c.Reasons.Select(r => r.Code)),
            ["at"] = e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (e.Moderator is { } moderator) data["moderator"] = moderator;
        if (e.Action is { } action) data["action"] = action;
        if (e.Reason is { } reason) data["reason"] = reason;
        if (e.Before is { } before) data["before"] = before.ToLowerName();
        if (e.Kind == ModerationEventKind.Reported)
        {
            data["flags"] = e.Flags.ToString(CultureInfo.InvariantCulture);
            data["reported"] = e.BecameReported ? "true" : "false";
        }
        return new OutboxItem($"webhook.{e.Id}", Kind_, c.Site, data);
    }

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("event") is not { } wanted || item.Get("comment") is not { } id) return;
        var comment = await comments.GetAsync(site.Id, id, ct);
        var thread = await comments.GetThreadAsync(site.Id, item.Get("thread") ?? comment?.ThreadId ?? "", ct);
        var header = "comment." + wanted;
        await delivery.DeliverAsync(site, item.Id, wanted, header,
            hook => hook.Format == WebhookFormat.Slack ? SlackBody(item, comment, thread) : JsonBody(item, header, thread), ct);
    }

    private static string JsonBody(OutboxItem item, string header, CommentThread? thread)
    {
        var body = new JsonObject
        {
            ["event"] = header,
            ["site"] = item.Site,
            ["thread"] = item.Get("thread"),
            ["threadTitle"] = thread?.Title,
            ["threadUrl"] = thread?.Url,
            ["comment"] = item.Get("comment"),
            ["status"] = item.Get("status"),
            ["reasons"] = new JsonArray((item.Get("reasons") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => (JsonNode)r!).ToArray()),
            ["at"] = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item.Get("at") ?? "0", CultureInfo.InvariantCulture)).ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var name in new[] { "action", "moderator", "reason", "before" })
            if (item.Get(name) is { } value) body[name] = value;
        if (item.Get("flags") is { } flags)
        {
            body["flags"] = long.Parse(flags, CultureInfo.InvariantCulture);
            body["reported"] = item.Get("reported") == "true";
        }
        return body.ToJsonString();
    }

    /// <summary>One readable line per event, for Slack's and Discord's incoming webhooks.</summary>
    internal static string SlackBody(OutboxItem item, Comment? comment, CommentThread? thread)
    {
        var id = item.Get("comment") ?? "";
        var where = thread?.Url is { } url
            ? $"<{url}#comment-{id}|{WebhookHandler.Escape(thread.Title ?? thread.Id)}>"
            : WebhookHandler.Escape(thread?.Title ?? item.Get("thread") ?? "");
        var what = $"The comment by {WebhookHandler.Escape(comment?.AuthorName ?? "(removed)")} on {where}";
        var reasons = item.Get("reasons") is { Length: > 0 } r ? $" ({r})" : "";
        var text = item.Get("event") switch
        {
            WebhookEvents.Held => $"{what} is held for moderation{reasons}.",
            WebhookEvents.Reported => $"{what} was flagged by a reader ({WebhookHandler.Escape(item.Get("reason") ?? "")}; {item.Get("flags")} flags)"
                + (item.Get("reported") == "true" ? " and is now in the reported queue." : "."),
            _ => $"{WebhookHandler.Escape(item.Get("moderator") ?? "A moderator")} {Done(item.Get("action"))} {what[0..1].ToLowerInvariant()}{what[1..]}"
                + (item.Get("reason") is { } reason ? $" ({WebhookHandler.Escape(reason)})." : "."),
        };
        return new JsonObject { ["text"] = text }.ToJsonString();
    }

    private static string Done(string? action) => action switch
    {
        "approve" => "approved",
        "reject" => "rejected",
        "spam" => "marked as spam",
        "delete" => "deleted",
        "restore" => "restored",
        _ => action ?? "decided on",
    };
}
