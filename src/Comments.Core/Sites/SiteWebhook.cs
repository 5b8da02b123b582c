namespace Comments.Core.Sites;

/// <summary>What a webhook's body looks like.</summary>
public enum WebhookFormat
{
    /// <summary>Our JSON: <c>{"event", "site", "thread", …, "comment": {…}}</c>, the public comment only.</summary>
    Json,
    /// <summary><c>{"text": "…"}</c>, what Slack's and Discord's (…/slack) incoming webhooks take.</summary>
    Slack,
}

/// <summary>One of a site's webhooks (<c>Sites:ID:Webhooks:N</c>): called on the events it chose, signed with its secret.</summary>
public sealed class SiteWebhook
{
    public string Url { get; set; } = "";
    /// <summary>The HMAC-SHA256 key of the <c>X-Comments-Signature</c> header; at least 16 characters.</summary>
    public string Secret { get; set; } = "";
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;
    /// <summary>The events this hook is called for (<see cref="WebhookEvents"/>); empty: all of them.</summary>
    public List<string> Events { get; set; } = [];

    public bool Wants(string @event) => Events.Count == 0 || Events.Contains(@event, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The events a webhook can choose (<c>Sites:ID:Webhooks:N:Events:0=held</c>).</summary>
public static class WebhookEvents
{
    public const string Published = "published", Held = "held", Reported = "reported", Decided = "decided";

    public static readonly IReadOnlyList<string> All = [Published, Held, Reported, Decided];

    public static string Of(Outbox.ModerationEventKind kind) => kind switch
    {
        Outbox.ModerationEventKind.Held => Held,
        Outbox.ModerationEventKind.Reported => Reported,
        _ => Decided,
    };
}
