namespace Comments.Core.Sites;

/// <summary>What a webhook's body looks like.</summary>
public enum WebhookFormat
{
    /// <summary>Our JSON: <c>{"event", "site", "thread", …, "comment": {…}}</c>, the public comment only.</summary>
    Json,
    /// <summary><c>{"text": "…"}</c>, what Slack's and Discord's (…/slack) incoming webhooks take.</summary>
    Slack,
}

/// <summary>One of a site's webhooks (<c>Sites:ID:Webhooks:N</c>): called when a comment is published, signed with its secret.</summary>
public sealed class SiteWebhook
{
    public string Url { get; set; } = "";
    /// <summary>The HMAC-SHA256 key of the <c>X-Comments-Signature</c> header; at least 16 characters.</summary>
    public string Secret { get; set; } = "";
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;
}
