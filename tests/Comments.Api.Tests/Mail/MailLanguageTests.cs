using System.Net;
using System.Text.RegularExpressions;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// Mails and subscription pages in the reader's language, end to end (the real service, its store, smtp4dev):
/// the language sent with the subscription, else the site's <c>Language</c>, else English.
/// </summary>
public abstract partial class MailTests
{
    [Fact]
    public async Task A_reader_who_subscribes_in_German_gets_the_confirmation_the_pages_and_the_reply_mail_in_German()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        var ann = MailTestApi.NewAddress("ann");
        using var posted = await client.PostAsync(TestSites.Open, thread,
            new { text = "Welches Objektiv war das?", authorName = "Ann", authorEmail = ann, notify = true, lang = "de-AT" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var parentId = (await posted.JsonAsync()).GetProperty("id").GetString()!;

        var confirmation = await fixture.Smtp.LoadAsync((await fixture.Smtp.WaitForAsync(ann))[0]);
        Assert.Equal($"Bitte bestätige dein Abonnement bei {TestSites.Open}", confirmation.Subject);
        Assert.Contains("Zum Bestätigen öffne diesen Link:", confirmation.TextBody);
        Assert.Matches(GermanDate(), confirmation.TextBody);
        Assert.Contains("<div lang=\"de\" dir=\"ltr\">", confirmation.HtmlBody);
        var link = MailTestApi.ConfirmLinkIn(confirmation.TextBody);
        var page = await client.GetStringAsync(link, Ct);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", page);
        Assert.Contains("<h1>Abonnement bestätigen</h1>", page);
        using (var confirmed = await client.PostAsync(link, null, Ct))
            Assert.Contains("<h1>Abonnement bestätigt</h1>", await confirmed.Content.ReadAsStringAsync(Ct));

        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Eine 35-mm-Festbrennweite.", "Bob", MailTestApi.NewAddress("bob"), parentId: parentId));
        var reply = await fixture.Smtp.LoadAsync((await fixture.Smtp.WaitForAsync(ann, 2))[1]);
        Assert.Equal("Bob hat auf deinen Kommentar geantwortet", reply.Subject);
        Assert.Contains($"Bob hat auf deinen Kommentar zu „{thread}“ geantwortet:", reply.TextBody);
        Assert.Contains("Diese E-Mails abbestellen: ", reply.TextBody);
        Assert.Contains(">Abonnements verwalten</a>", reply.HtmlBody);
        var manage = reply.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>').Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal);
        Assert.Contains($"Neue Kommentare zu <code dir=\"ltr\">{thread}</code>", await client.GetStringAsync(manage, Ct));
    }

    [Fact]
    public async Task A_site_in_French_mails_a_reader_who_named_no_language_in_French()
    {
        using var client = fixture.CreateClient();
        var ann = MailTestApi.NewAddress("ann");
        using (var response = await client.SubscribeAsync(MailFixture.FrenchSite, ann, TestSites.NewThread("mail")))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var confirmation = await fixture.Smtp.LoadAsync((await fixture.Smtp.WaitForAsync(ann))[0]);
        Assert.Equal($"Confirmez votre abonnement à {MailFixture.FrenchSite}", confirmation.Subject);
        Assert.Contains("Pour confirmer, ouvrez ce lien\u00a0:", confirmation.TextBody);
        Assert.Contains("<div lang=\"fr\" dir=\"ltr\">", confirmation.HtmlBody);
        // The browser's language does not override the site's.
        using var request = new HttpRequestMessage(HttpMethod.Get, MailTestApi.ConfirmLinkIn(confirmation.TextBody));
        request.Headers.AcceptLanguage.ParseAdd("ko");
        using var page = await client.SendAsync(request, Ct);
        Assert.Contains("<h1>Confirmez votre abonnement</h1>", await page.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_Arabic_pages_are_right_to_left_and_an_unknown_language_falls_back_to_English()
    {
        using var client = fixture.CreateClient();
        var ann = MailTestApi.NewAddress("ann");
        using (await client.SubscribeAsync(TestSites.Open, ann, TestSites.NewThread("mail"), lang: "ar")) { }
        var confirmation = await fixture.Smtp.LoadAsync((await fixture.Smtp.WaitForAsync(ann))[0]);
        Assert.Contains("<div lang=\"ar\" dir=\"rtl\">", confirmation.HtmlBody);
        var manage = confirmation.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>').Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal);
        var page = await client.GetStringAsync(manage, Ct);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page);
        Assert.Contains("<h1>اشتراكاتك</h1>", page);
        Assert.Contains("(غير مؤكد)", page);

        var bea = MailTestApi.NewAddress("bea");
        using (await client.SubscribeAsync(TestSites.Open, bea, TestSites.NewThread("mail"), lang: "it")) { }
        Assert.StartsWith("Confirm your subscription to ", (await fixture.Smtp.WaitForAsync(bea))[0].Subject);
    }

    [Fact]
    public async Task A_lang_that_is_not_a_language_tag_is_400_with_the_field_and_nothing_is_stored()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("mail");
        using var subscription = await client.SubscribeAsync(TestSites.Open, MailTestApi.NewAddress("ann"), thread, lang: "de/../../x");
        await subscription.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_language", "lang");
        using var comment = await client.PostAsync(TestSites.Open, thread,
            new { text = "Hallo", authorName = "Ann", authorEmail = MailTestApi.NewAddress("ann"), notify = true, lang = "<script>" });
        await comment.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_language", "lang");
        Assert.Equal(0, (await client.GetJsonAsync($"/api/sites/{TestSites.Open}/threads/{thread}/comments")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task The_no_javascript_forms_lang_field_sets_the_language_of_the_readers_mail()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress };
        var ann = MailTestApi.NewAddress("ann");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestApi.CommentsPath(TestSites.Open, TestSites.NewThread("mail")) + "/form")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["comment"] = "¿Qué objetivo usaste?", ["author"] = "Ana", ["email"] = ann, ["comment_parent"] = "0",
                ["redirect_to"] = "http://localhost:8080/posts/hola", ["subscribe_comments"] = "subscribe", ["lang"] = "es",
            }),
        };
        request.Headers.Add("Origin", "http://localhost:8080");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var confirmation = await fixture.Smtp.LoadAsync((await fixture.Smtp.WaitForAsync(ann))[0]);
        Assert.Equal($"Confirma tu suscripción a {TestSites.Open}", confirmation.Subject);
        Assert.Contains("Para confirmarlo, abre este enlace:", confirmation.TextBody);
    }

    [GeneratedRegex(@"gilt bis \w+, \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} \d{2}:\d{2} UTC\.")]
    private static partial Regex GermanDate();
}
