using Comments.Api.Tests.Mail;
using MimeKit;

namespace Comments.Api.Tests.Moderation.Events;

/// <summary>Moderator alert mails through the real smtp4dev: immediate (coalesced) and digest, never the author's email or IP.</summary>
public abstract partial class ModerationEventsTests
{
    private const string AlertAuthorEmail = "alice-alert@example.com", AlertAuthorIp = "203.0.113.99";

    private static string Marker() => "mark" + Guid.NewGuid().ToString("N")[..12];

    private static object HeldReply(string marker) => TestApi.Reply($"Please check {marker} before it goes up.", "Alice Alert", AlertAuthorEmail);

    private async Task<List<MimeMessage>> MailsToAsync(string to)
    {
        var mails = new List<MimeMessage>();
        foreach (var mail in await fixture.Smtp.ToAsync(to)) mails.Add(await fixture.Smtp.LoadAsync(mail));
        return mails;
    }

    /// <summary>The mails to the address whose text names one of the markers, once every marker is in one of them.</summary>
    private async Task<List<MimeMessage>> WaitForMarkersAsync(string to, params string[] markers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var mails = (await MailsToAsync(to)).Where(m => markers.Any(k => (m.TextBody ?? "").Contains(k, StringComparison.Ordinal))).ToList();
            if (markers.All(k => mails.Any(m => m.TextBody!.Contains(k, StringComparison.Ordinal)))) return mails;
            Assert.True(DateTime.UtcNow < deadline, $"{mails.Count} alert mails to {to} name some of {string.Join(", ", markers)}, not all");
            // smtp4dev has no push API a test can hold; its REST list is read again shortly.
            await Task.Delay(200, Ct);
        }
    }

    private static void AssertNoAuthorAddress(MimeMessage mail)
    {
        foreach (var part in new[] { mail.TextBody, mail.HtmlBody, mail.Headers.ToString() })
        {
            Assert.DoesNotContain(AlertAuthorEmail, part);
            Assert.DoesNotContain(AlertAuthorIp, part);
        }
    }

    [Fact]
    public async Task A_held_comment_sends_one_immediate_alert_with_its_text_and_article_and_no_address_of_the_author()
    {
        using var client = fixture.CreateClient();
        var marker = Marker();
        var thread = TestSites.NewThread("alert");
        await client.HoldAsync(TestSites.Premoderated, thread, HeldReply(marker), forwardedFor: AlertAuthorIp);
        var mail = Assert.Single(await WaitForMarkersAsync(ModerationEventsFixture.OliviaEmail, marker));

        // A later alert went too (the next batch): the first one was not sent again meanwhile.
        var later = Marker();
        await client.HoldAsync(TestSites.Premoderated, TestSites.NewThread("alert"), HeldReply(later));
        await WaitForMarkersAsync(ModerationEventsFixture.OliviaEmail, later);
        Assert.Single(await MailsToAsync(ModerationEventsFixture.OliviaEmail), m => m.TextBody!.Contains(marker, StringComparison.Ordinal));

        Assert.Contains("wait", mail.Subject);
        Assert.Contains($"Please check {marker} before it goes up.", mail.TextBody);
        Assert.Contains("Held: Alice Alert on", mail.TextBody);
        Assert.Contains(thread, mail.TextBody);
        Assert.Contains($"{fixture.Mail.PublicUrl}/moderate", mail.TextBody);
        Assert.Contains($"{fixture.Mail.PublicUrl}/moderate", mail.HtmlBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        AssertNoAuthorAddress(mail);
    }

    [Fact]
    public async Task A_burst_of_five_held_comments_sends_one_or_two_alerts_not_five()
    {
        using var client = fixture.CreateClient();
        var markers = Enumerable.Range(0, 5).Select(_ => Marker()).ToArray();
        var thread = TestSites.NewThread("burst");
        await Task.WhenAll(markers.Select(m => client.HoldAsync(TestSites.Premoderated, thread, HeldReply(m), forwardedFor: AlertAuthorIp)));

        var mails = await WaitForMarkersAsync(ModerationEventsFixture.OliviaEmail, markers);
        Assert.InRange(mails.Count, 1, 2);
        // Each comment is listed once, in one of them.
        Assert.All(markers, k => Assert.Single(mails, m => m.TextBody!.Contains(k, StringComparison.Ordinal)));
        Assert.All(mails, AssertNoAuthorAddress);
    }

    [Fact]
    public async Task A_sites_Language_writes_its_moderators_alert_in_that_language()
    {
        using var client = fixture.CreateClient();
        var marker = Marker();
        var thread = TestSites.NewThread("german-alert");
        await client.HoldAsync(TestSites.Shallow, thread, HeldReply(marker), forwardedFor: AlertAuthorIp);
        var mail = Assert.Single(await WaitForMarkersAsync(ModerationEventsFixture.GretaEmail, marker));
        Assert.Equal($"Ein Kommentar auf {TestSites.Shallow} wartet auf Freigabe", mail.Subject);
        Assert.StartsWith($"Ein Kommentar auf {TestSites.Shallow} wartet auf Moderation:", mail.TextBody);
        Assert.Contains("Zurückgehalten: Alice Alert zu „", mail.TextBody);
        Assert.Contains($"Jetzt moderieren: {fixture.Mail.PublicUrl}/moderate", mail.TextBody);
        Assert.Contains("<div lang=\"de\" dir=\"ltr\">", mail.HtmlBody);
        Assert.Contains("</strong>: Alice Alert zu „", mail.HtmlBody);
        AssertNoAuthorAddress(mail);
    }

    [Fact]
    public async Task A_digest_moderator_gets_one_mail_listing_both_held_comments_when_it_is_due()
    {
        using var client = fixture.CreateClient();
        var (first, second) = (Marker(), Marker());
        var thread = TestSites.NewThread("digest");
        var started = DateTimeOffset.UtcNow;
        await client.HoldAsync(TestSites.Stats, thread, HeldReply(first), forwardedFor: AlertAuthorIp);
        await client.HoldAsync(TestSites.Stats, thread, HeldReply(second), forwardedFor: AlertAuthorIp);

        var mail = Assert.Single(await WaitForMarkersAsync(ModerationEventsFixture.DoraEmail, first, second));
        Assert.StartsWith("Moderation digest for", mail.Subject);
        Assert.Contains($"2 comments on {TestSites.Stats} wait for a moderator:", mail.TextBody);
        // Due a digest interval (12 s) after the first comment, not at once.
        Assert.True(mail.Date >= started.AddSeconds(11), $"sent at {mail.Date:O}, the first comment came at {started:O}");
        AssertNoAuthorAddress(mail);
        // Olivia does not moderate the stats site.
        Assert.DoesNotContain(await MailsToAsync(ModerationEventsFixture.OliviaEmail), m => m.TextBody!.Contains(first, StringComparison.Ordinal));
    }
}
