using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Comments.Api.Tests.Mail;

/// <summary>Subscribing, reading mails back from smtp4dev, and following their links, as a reader would.</summary>
public static partial class MailTestApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    public static Task<HttpResponseMessage> SubscribeAsync(this HttpClient client, string site, string email, string? thread, string? kind = null, string? lang = null) =>
        client.PostAsJsonAsync($"/api/sites/{site}/subscriptions", new { email, thread, kind, lang }, Ct);

    /// <summary>Posts a comment with the reply form's "notify me" box ticked; returns the response.</summary>
    public static Task<HttpResponseMessage> PostNotifyingAsync(this HttpClient client, string site, string thread, string text, string name, string email, string? parentId = null) =>
        client.PostAsync(site, thread, new { text, authorName = name, authorEmail = email, parentId, notify = true });

    public static async Task<MimeMessage> LoadAsync(this Smtp4devProcess smtp, ReceivedMail mail) =>
        await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(await smtp.RawAsync(mail.Id))), Ct);

    /// <summary>Waits for the address's confirmation mail and returns the link in it.</summary>
    public static async Task<string> ConfirmationLinkAsync(this Smtp4devProcess smtp, string email)
    {
        var mail = (await smtp.WaitForAsync(email, match: m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal)))[0];
        return ConfirmLinkIn((await smtp.LoadAsync(mail)).TextBody);
    }

    /// <summary>The confirmation link in a mail's text.</summary>
    public static string ConfirmLinkIn(string? text) =>
        ConfirmLink().Match(text ?? "").Value is { Length: > 0 } link ? link : throw new InvalidOperationException(text);

    /// <summary>Opens the link (a page with one button), then presses the button (a POST to the same link).</summary>
    public static async Task ConfirmAsync(this HttpClient client, string link)
    {
        using var page = await client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(Ct));
        using var confirmed = await client.PostAsync(link, null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Subscription confirmed", await confirmed.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Subscribes an address to a thread and confirms it from its mail.</summary>
    public static async Task SubscribeConfirmedAsync(this HttpClient client, Smtp4devProcess smtp, string site, string email, string thread)
    {
        using var response = await client.SubscribeAsync(site, email, thread);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await client.ConfirmAsync(await smtp.ConfirmationLinkAsync(email));
    }

    /// <summary>
    /// A fresh address asks for a confirmation on the site and its mail arrives: the worker takes a site's
    /// items in due order, so everything queued on the site before it has been handled by then.
    /// </summary>
    public static async Task DrainAsync(this HttpClient client, Smtp4devProcess smtp, string site)
    {
        var sentinel = NewAddress("sentinel");
        using var response = await client.SubscribeAsync(site, sentinel, TestSites.NewThread("sentinel"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await smtp.WaitForAsync(sentinel);
    }

    [GeneratedRegex(@"https?://\S+/subscriptions/confirm\?token=[A-Za-z0-9_.%\-]+")]
    private static partial Regex ConfirmLink();
}
