using System.Security.Cryptography;
using System.Text;
using Comments.Core.Moderation;
using Comments.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation.Alerts;

/// <summary>
/// One held or reported comment joins the open alert batch of each moderator of its site who wants alerts.
/// The batch that this opens is due at once when the moderator's last alert went at least
/// <c>Moderation:AlertCoalesceSeconds</c> ago (Immediate; else when that time is up), or after the
/// moderator's <c>DigestMinutes</c> (Digest).
/// </summary>
public sealed class AlertEventHandler(IModeratorAlertStore alerts, IOptions<ModerationOptions> options, TimeProvider clock) : IOutboxHandler
{
    public string Kind => AlertTrigger.EventKind;

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (item.Get("comment") is not { } comment || item.Get("event") is not { } what) return;
        var o = options.Value;
        foreach (var moderator in Alerted(o, item.Site))
        {
            var now = clock.GetUtcNow();
            Func<DateTimeOffset?, DateTimeOffset> due = moderator.Alerts == ModeratorAlerts.Digest
                ? _ => now + TimeSpan.FromMinutes(moderator.DigestMinutes)
                : last => last is { } at && at + TimeSpan.FromSeconds(o.AlertCoalesceSeconds) > now ? at + TimeSpan.FromSeconds(o.AlertCoalesceSeconds) : now;
            await alerts.AddAsync(item.Site, Digest(moderator.Name), $"{what}:{comment}", now, due,
                batch => AlertMailHandler.Item(item.Site, moderator.Name, batch), ct);
        }
    }

    /// <summary>The configured moderators of the site who want alerts, with an address to send them to.</summary>
    public static IEnumerable<ConfiguredModerator> Alerted(ModerationOptions options, string site) =>
        options.Moderators.Where(m => m.Alerts != ModeratorAlerts.Off && m.Email is { Length: > 0 } && m.Moderates(site));

    /// <summary>The moderator's name as a store key part (names are free text).</summary>
    public static string Digest(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
