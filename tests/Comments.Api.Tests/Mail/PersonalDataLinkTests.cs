using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// A person asks for their own personal data (issue 14): the public request answers 202 whatever the address,
/// a real smtp4dev receives the signed link through the outbox and MailKit, and the link opens the export.
/// </summary>
public abstract partial class PersonalDataLinkTests(MailFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Site = TestSites.Open;

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string site, object body) =>
        client.PostAsJsonAsync($"/api/sites/{site}/personal-data/requests", body, Ct);

    private async Task<string> LinkAsync(string email)
    {
        var mail = (await fixture.Smtp.WaitForAsync(email, match: m => m.Subject.StartsWith("Your personal data", StringComparison.Ordinal)))[0];
        var message = await fixture.Smtp.LoadAsync(mail);
        return ExportLink().Match(message.TextBody ?? "").Value is { Length: > 0 } link ? link : throw new InvalidOperationException(message.TextBody);
    }

    [Fact]
    public async Task The_mailed_link_opens_the_persons_own_export_and_a_second_request_the_same_day_sends_no_second_mail()
    {
        using var client = fixture.CreateClient();
        var email = MailTestApi.NewAddress("own-data");
        var thread = TestSites.NewThread("own-data");
        var posted = await client.PublishAsync(Site, thread, TestApi.Reply("My own words, to be exported", "Olga Owner", email));
        var id = posted.GetProperty("id").GetString();

        using (var asked = await RequestAsync(client, Site, new { email = email.ToUpperInvariant() }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            Assert.Equal("link_sent", (await asked.JsonAsync()).GetProperty("status").GetString());
        }
        var link = await LinkAsync(email);
        Assert.DoesNotContain(Uri.EscapeDataString(email), link, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, link, StringComparison.OrdinalIgnoreCase);

        using var export = await client.GetAsync(link, Ct);
        var body = await export.Content.ReadAsStringAsync(Ct);
        Assert.True(export.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("comments-personal-data", json.GetProperty("schema").GetString());
        Assert.Equal(email, json.GetProperty("email").GetString());
        var comment = Assert.Single(json.GetProperty("comments").EnumerateArray());
        Assert.Equal(id, comment.GetProperty("id").GetString());

        // Asked again the same day: the same answer, no second mail (the sentinel's mail proves the queue before it was handled).
        using (var again = await RequestAsync(client, Site, new { email }))
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await client.DrainAsync(fixture.Smtp, Site);
        Assert.Single(await fixture.Smtp.ToAsync(email));
    }

    [Fact]
    public async Task An_address_the_site_holds_nothing_for_gets_the_same_answer_as_a_known_one_and_no_mail()
    {
        using var client = fixture.CreateClient();
        var stranger = MailTestApi.NewAddress("stranger");
        var known = MailTestApi.NewAddress("known");
        await client.PublishAsync(Site, TestSites.NewThread("known"), TestApi.Reply("Words of someone the site knows", "Kim Known", known));
        using var asked = await RequestAsync(client, Site, new { email = stranger });
        using var askedKnown = await RequestAsync(client, Site, new { email = known });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var (strangerBody, knownBody) = (await asked.Content.ReadAsStringAsync(Ct), await askedKnown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(knownBody, strangerBody);
        Assert.Equal(askedKnown.StatusCode, asked.StatusCode);
        Assert.Equal("link_sent", JsonDocument.Parse(strangerBody).RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("@", strangerBody);
        await client.DrainAsync(fixture.Smtp, Site);
        Assert.Empty(await fixture.Smtp.ToAsync(stranger));
    }

    [Fact]
    public async Task A_tampered_link_or_one_for_another_site_is_refused()
    {
        using var client = fixture.CreateClient();
        var email = MailTestApi.NewAddress("tamper");
        await client.PublishAsync(Site, TestSites.NewThread("tamper"), TestApi.Reply("Words to be asked about", "Tina Tamper", email));
        using (var asked = await RequestAsync(client, Site, new { email }))
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var link = await LinkAsync(email);

        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var forged = token[..^2] + (token[^2..] == "AA" ? "AB" : "AA");
        using var tampered = await client.GetAsync($"/api/sites/{Site}/personal-data/export?token={Uri.EscapeDataString(forged)}", Ct);
        await tampered.AssertProblemAsync(HttpStatusCode.BadRequest, "personal_data.bad_link");
        using var otherSite = await client.GetAsync($"/api/sites/{TestSites.Anonymous}/personal-data/export?token={Uri.EscapeDataString(token)}", Ct);
        await otherSite.AssertProblemAsync(HttpStatusCode.BadRequest, "personal_data.bad_link");
        using var none = await client.GetAsync($"/api/sites/{Site}/personal-data/export", Ct);
        await none.AssertProblemAsync(HttpStatusCode.BadRequest, "personal_data.bad_link");
    }

    [Fact]
    public async Task On_a_French_site_the_link_comes_in_French_with_its_expiry_written_in_French()
    {
        using var client = fixture.CreateClient();
        var email = MailTestApi.NewAddress("francine");
        using (var subscribed = await client.SubscribeAsync(MailFixture.FrenchSite, email, TestSites.NewThread("donnees")))
            Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        var asked = DateTimeOffset.UtcNow;
        using (var response = await RequestAsync(client, MailFixture.FrenchSite, new { email }))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var mail = (await fixture.Smtp.WaitForAsync(email, match: m => m.Subject.StartsWith("Vos données", StringComparison.Ordinal)))[0];
        var message = await fixture.Smtp.LoadAsync(mail);
        Assert.Equal($"Vos données personnelles sur {MailFixture.FrenchSite}", message.Subject);
        Assert.Matches(ExportLink(), message.TextBody);
        // "valable jusqu'au mardi 1 décembre 2026 14:05 UTC": the French month of tomorrow (the link lasts a day).
        var month = System.Globalization.CultureInfo.GetCultureInfo("fr").DateTimeFormat.GetMonthName(asked.AddDays(1).UtcDateTime.Month);
        Assert.Contains($"le lien est valable jusqu’au ", message.TextBody);
        Assert.Contains($" {month} {asked.AddDays(1).UtcDateTime.Year} ", message.TextBody);
        Assert.Contains("<div lang=\"fr\" dir=\"ltr\">", message.HtmlBody);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task A_request_without_a_valid_address_names_the_field(string email)
    {
        using var client = fixture.CreateClient();
        using var response = await RequestAsync(client, Site, new { email });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_email", "email");
    }

    [GeneratedRegex(@"https?://\S+/personal-data/export\?token=[A-Za-z0-9_.%\-]+")]
    private static partial Regex ExportLink();
}

public sealed class RedisPersonalDataMailService() : MailFixture(StoreBackend.Redis, 9);

public sealed class PersonalDataLinkOnGarnet(GarnetMailService fixture) : PersonalDataLinkTests(fixture), IClassFixture<GarnetMailService>;

public sealed class PersonalDataLinkOnRedis(RedisPersonalDataMailService fixture) : PersonalDataLinkTests(fixture), IClassFixture<RedisPersonalDataMailService>;
