using System.Security.Cryptography;
using System.Text;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comments.Api.Mail;

/// <summary>One mail to one reader, as the outbox sends it.</summary>
/// <param name="Key">The message's id within the site (<c>published:{comment}.reply</c>): sent at most once, and its Message-ID is derived from it.</param>
/// <param name="Digest">The recipient's digest: their manage and unsubscribe links are signed over it.</param>
public sealed record ReaderMail(SiteOptions Site, string Key, string To, string Digest, string Subject, string Template, Dictionary<string, string> Values);

/// <summary>
/// Builds a reader mail (site From/Reply-To, a Message-ID derived from the message's key, plain text and
/// HTML, List-Unsubscribe with RFC 8058 one-click) and sends it once: a message recorded as sent is
/// skipped, and one sent but not recorded (the node died in between) goes again with the same Message-ID.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options, MailTemplates templates, SubscriptionTokens tokens,
    SmtpMailSender sender, IOutbox outbox, TimeProvider clock)
{
    /// <summary>Manage and unsubscribe links in a mail stay good this long.</summary>
    public static readonly TimeSpan ManageLinkLifetime = TimeSpan.FromDays(365);

    /// <returns>False when the message had been sent already.</returns>
    public async Task<bool> SendOnceAsync(ReaderMail mail, CancellationToken ct)
    {
        if (await outbox.WasSentAsync(mail.Site.Id, mail.Key)) return false;
        await sender.SendAsync(Build(mail), ct);
        await outbox.MarkSentAsync(mail.Site.Id, mail.Key, clock.GetUtcNow());
        return true;
    }

    public MimeMessage Build(ReaderMail mail)
    {
        var o = options.Value;
        var manage = tokens.Create(TokenPurpose.Manage, mail.Site.Id, mail.Digest, ManageLinkLifetime);
        var unsubscribe = Link(mail.Site.Id, "unsubscribe", manage);
        var values = new Dictionary<string, string>(mail.Values)
        {
            ["site"] = mail.Site.DisplayName,
            ["unsubscribe_url"] = unsubscribe,
            ["manage_url"] = Link(mail.Site.Id, "manage", manage),
        };
        var (text, html) = templates.Render(mail.Site.Id, mail.Template, values);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Site.MailFrom is { Length: > 0 } from ? from : o.From!));
        if (mail.Site.MailReplyTo is { Length: > 0 } replyTo) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = MessageId(mail.Site.Id, mail.Key);
        message.Date = clock.GetUtcNow();
        var listUnsubscribe = $"<{unsubscribe}>";
        if (o.UnsubscribeMailto is { Length: > 0 } mailto) listUnsubscribe += $", <mailto:{mailto}?subject=unsubscribe>";
        message.Headers.Add("List-Unsubscribe", listUnsubscribe);
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>A link to a subscription page of the site, on the service's public address.</summary>
    public string Link(string site, string page, string token) =>
        $"{options.Value.PublicUrl!.TrimEnd('/')}/api/sites/{site}/subscriptions/{page}?token={Uri.EscapeDataString(token)}";

    /// <summary>The same key always gives the same Message-ID (receivers drop a repeated one); it shows nothing of the key.</summary>
    public string MessageId(string site, string key)
    {
        var host = new Uri(options.Value.PublicUrl!).Host;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(site + "\n" + key)).AsSpan(0, 16));
        return $"{hash}@{host}";
    }
}
