using System.Net;
using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comments.Api.Moderation.Alerts;

/// <summary>
/// A moderator's alert batch is due: it is sealed, and one mail lists its held and reported comments (text,
/// article, author's name; never the author's email or IP, which the moderator sees in /moderate after
/// signing in) with a link to /moderate. Sent once: the batch's token is the message's key and Message-ID.
/// Written in the site's <c>Language</c> (moderators have no language of their own), with its <c>mail.alert.*</c> strings.
/// </summary>
public sealed class AlertMailHandler(SiteDirectory sites, ICommentStore comments, IModeratorAlertStore alerts, MailComposer composer,
    MailTemplates templates, UiStrings strings, SmtpMailSender sender, IOutbox outbox, IOptions<MailOptions> mail, IOptions<ModerationOptions> moderation,
    TimeProvider clock) : IOutboxHandler
{
    public const string Kind_ = "mail.alert";
    private const int MaxTextLength = 2_000;
    private const string AuthorMark = "\u0001author\u0001", TitleMark = "\u0001title\u0001";
    public string Kind => Kind_;

    public static OutboxItem Item(string site, string moderator, string batch) =>
        new($"alert-mail:{batch}", Kind_, site, new Dictionary<string, string> { ["moderator"] = moderator, ["batch"] = batch });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("moderator") is not { } name || item.Get("batch") is not { } batch) return;
        var entries = await alerts.SealAsync(site.Id, AlertEventHandler.Digest(name), batch, clock.GetUtcNow(), ct);
        if (entries.Count == 0) return;
        // Alerts turned off (or the moderator removed) since: the batch is dropped unsent.
        if (AlertEventHandler.Alerted(moderation.Value, site.Id).FirstOrDefault(m => m.Name == name) is { } moderator
            && !await outbox.WasSentAsync(site.Id, item.Id))
        {
            if (await BuildAsync(site, moderator, item.Id, entries, ct) is { } message)
            {
                await sender.SendAsync(message, ct);
                await outbox.MarkSentAsync(site.Id, item.Id, clock.GetUtcNow());
            }
        }
        await alerts.ForgetAsync(site.Id, batch, ct);
    }

    private async Task<MimeMessage?> BuildAsync(SiteOptions site, ConfiguredModerator moderator, string key, IReadOnlyList<string> entries, CancellationToken ct)
    {
        var language = strings.Pick(site.Language);
        var text = new System.Text.StringBuilder();
        var html = new System.Text.StringBuilder();
        var count = 0;
        foreach (var entry in entries)
        {
            var (what, id) = (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]);
            // Erased or gone since: nothing to show.
            if (await comments.GetAsync(site.Id, id, ct) is not { } c) continue;
            var thread = await comments.GetThreadAsync(site.Id, c.ThreadId, ct);
            var label = strings.Get(language, what == "reported" ? "mail.alert.reported" : "mail.alert.held")!;
            var title = thread?.Title ?? c.ThreadId;
            var reasons = c.Reasons.Count > 0 ? string.Join(", ", c.Reasons.Select(r => r.Code)) : "";
            var body = MailTemplates.TextOf(c.Html);
            if (body.Length > MaxTextLength) body = body[..MaxTextLength] + "…";
            // "{author} on “{title}”" in the language, with markers where the name and title go (text and HTML fill them differently).
            var who = strings.Get(language, "mail.alert.item", ("author", AuthorMark), ("title", TitleMark))!;
            text.Append($"{label}: {who.Replace(AuthorMark, c.AuthorName).Replace(TitleMark, title)}{(thread?.Url is { } u ? $" <{u}>" : "")}{(reasons.Length > 0 ? $" ({reasons})" : "")}\n{body}\n\n");
            var titleHtml = thread?.Url is { } url ? $"<a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(title)}</a>" : WebUtility.HtmlEncode(title);
            html.Append($"<p><strong>{WebUtility.HtmlEncode(label)}</strong>: ")
                .Append(WebUtility.HtmlEncode(who).Replace(AuthorMark, WebUtility.HtmlEncode(c.AuthorName)).Replace(TitleMark, titleHtml))
                .Append(reasons.Length > 0 ? $" ({WebUtility.HtmlEncode(reasons)})" : "")
                .Append($"</p><blockquote>{c.Html}</blockquote>");
            count++;
        }
        if (count == 0) return null;
        var o = mail.Value;
        var values = new Dictionary<string, string>
        {
            ["site"] = site.DisplayName,
            ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["waiting"] = strings.Plural(language, "mail.alert.waiting", count, ("site", site.DisplayName))!,
            ["items_text"] = text.ToString(),
            ["items_html"] = html.ToString(),
            ["moderate_url"] = $"{o.PublicUrl!.TrimEnd('/')}/moderate",
        };
        var (plain, rich) = templates.Render(site.Id, language, MailTemplates.Alert, values);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(site.MailFrom is { Length: > 0 } from ? from : o.From!));
        message.To.Add(MailboxAddress.Parse(moderator.Email!));
        message.Subject = strings.Plural(language, moderator.Alerts == ModeratorAlerts.Digest ? "mail.alert.digest.subject" : "mail.alert.subject", count,
            ("site", site.DisplayName))!.ReplaceLineEndings(" ");
        message.MessageId = composer.MessageId(site.Id, key);
        message.Date = clock.GetUtcNow();
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = plain, HtmlBody = rich }.ToMessageBody();
        return message;
    }
}
