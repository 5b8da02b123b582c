using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Mail;

/// <summary>Sends the double opt-in mail: one signed link that confirms the address's pending subscriptions.</summary>
public sealed class ConfirmationMailHandler(SiteDirectory sites, ISubscriptionStore subscriptions, SubscriptionTokens tokens,
    MailComposer composer, IOptions<MailOptions> options, TimeProvider clock) : IOutboxHandler
{
    public string Kind => OutboxKinds.Confirmation;

    public static OutboxItem Item(string site, string digest, DateTimeOffset now) =>
        new($"confirm:{digest}:{now.ToUnixTimeSeconds()}", OutboxKinds.Confirmation, site, new Dictionary<string, string> { ["digest"] = digest });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("digest") is not { } digest) return;
        // Unsubscribed or confirmed since it was queued: nothing to ask.
        if (await subscriptions.GetAsync(site.Id, digest, ct) is not { } subscriber || subscriber.Subscriptions.All(s => s.Confirmed)) return;
        var lifetime = TimeSpan.FromHours(options.Value.ConfirmLinkHours);
        var token = tokens.Create(TokenPurpose.Confirm, site.Id, digest, lifetime);
        await composer.SendOnceAsync(new ReaderMail(site, item.Id, subscriber.Email, digest, null, MailTemplates.Confirm,
            new() { ["confirm_url"] = composer.Link(site.Id, "confirm", token) },
            new Dictionary<string, DateTimeOffset> { ["expires"] = clock.GetUtcNow().Add(lifetime) }), ct);
    }
}
