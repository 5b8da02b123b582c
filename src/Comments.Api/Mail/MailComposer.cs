using System.Security.Cryptography;
using System.Text;
using Comments.Api.Infrastructure;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Comments.Api.Mail;

/// <summary>One mail to one reader, as the outbox sends it.</summary>
/// <param name="Key">The message's id within the site (<c>published:{comment}.reply</c>): sent at most once, and its Message-ID is derived from it.</param>
/// <param name="Digest">The recipient's digest: their manage and unsubscribe links are signed over it, and their language is kept by it.</param>
/// <param name="Subject">Null for a template whose subject is a string (<c>mail.{template}.subject</c>, translated); else this English subject.</param>
/// <param name="Dates">Values that are dates: written out in the mail's language.</param>
/// <param name="Texts">Values that are strings (name → key in <c>strings.json</c>): written in the mail's language, filled from the other values.</param>
/// <param name="SubjectKey">The subject's string when it is not <c>mail.{template}.subject</c>.</param>
public sealed record ReaderMail(SiteOptions Site, string Key, string To, string Digest, string? Subject, string Template, Dictionary<string, string> Values,
    IReadOnlyDictionary<string, DateTimeOffset>? Dates = null, IReadOnlyDictionary<string, string>? Texts = null, string? SubjectKey = null);

/// <summary>
/// Builds a reader mail (site From/Reply-To, a Message-ID derived from the message's key, plain text and
/// HTML, List-Unsubscribe with RFC 8058 one-click) and sends it once: a message recorded as sent is
/// skipped, and one sent but not recorded (the node died in between) goes again with the same Message-ID.
/// A mail is in the language the reader subscribed in, else the site's <c>Language</c>, else English.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options, MailTemplates templates, UiStrings strings, ISubscriptionStore subscriptions,
    SubscriptionTokens tokens, SmtpMailSender sender, IOutbox outbox, TimeProvider clock)
{
    /// <summary>Manage and unsubscribe links in a mail stay good this long.</summary>
    public static readonly TimeSpan ManageLinkLifetime = TimeSpan.FromDays(365);

    /// <returns>False when the message had been sent already.</returns>
    public async Task<bool> SendOnceAsync(ReaderMail mail, CancellationToken ct)
    {
        if (await outbox.WasSentAsync(mail.Site.Id, mail.Key)) return false;
        var language = strings.Pick(await subscriptions.LanguageAsync(mail.Site.Id, mail.Digest, ct), mail.Site.Language);
        await sender.SendAsync(Build(mail, language), ct);
        await outbox.MarkSentAsync(mail.Site.Id, mail.Key, clock.GetUtcNow());
        return true;
    }

    public MimeMessage Build(ReaderMail mail, string language)
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
        foreach (var (name, date) in mail.Dates ?? new Dictionary<string, DateTimeOffset>()) values[name] = MailDates.Format(date, language);
        var filled = values.Select(v => (v.Key, v.Value)).ToArray();
        foreach (var (name, key) in mail.Texts ?? new Dictionary<string, string>())
            values[name] = strings.Get(language, key, filled) ?? throw new InvalidOperationException($"The mail '{mail.Template}' needs the string {key} in Mail/Templates/en/strings.json.");
        var (text, html) = templates.Render(mail.Site.Id, language, mail.Template, values);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Site.MailFrom is { Length: > 0 } from ? from : o.From!));
        if (mail.Site.MailReplyTo is { Length: > 0 } replyTo) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = Subject(mail, language, values);
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

    /// <summary><c>mail.{template}.subject</c> (or the mail's <c>SubjectKey</c>) in the language (a plural entry counts <c>count</c>), else the mail's own subject.</summary>
    private string Subject(ReaderMail mail, string language, Dictionary<string, string> values)
    {
        var key = mail.SubjectKey ?? $"mail.{mail.Template}.subject";
        var named = values.Select(v => (v.Key, v.Value)).ToArray();
        var subject = strings.Get(language, key, named)
            ?? (long.TryParse(values.GetValueOrDefault("count"), out var count) ? strings.Plural(language, key, count, named) : null)
            ?? mail.Subject ?? throw new InvalidOperationException($"The mail '{mail.Template}' has no subject: add {key} to Mail/Templates/*/strings.json.");
        return subject.ReplaceLineEndings(" ");
    }

    /// <summary>A link to a subscription page of the site, on the service's public address.</summary>
    public string Link(string site, string page, string token) => SiteLink(site, $"subscriptions/{page}", token);

    /// <summary>A signed link under the site's API (<c>/api/sites/{site}/{path}?token=</c>), on the service's public address.</summary>
    public string SiteLink(string site, string path, string token) =>
        $"{options.Value.PublicUrl!.TrimEnd('/')}/api/sites/{site}/{path}?token={Uri.EscapeDataString(token)}";

    /// <summary>The same key always gives the same Message-ID (receivers drop a repeated one); it shows nothing of the key.</summary>
    public string MessageId(string site, string key)
    {
        var host = new Uri(options.Value.PublicUrl!).Host;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(site + "\n" + key)).AsSpan(0, 16));
        return $"{hash}@{host}";
    }
}
