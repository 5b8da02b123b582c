using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Engagement;

/// <summary>The no-JavaScript form endpoint and the author token, against the real service.</summary>
public abstract class FormPostTests(ServiceFixture fixture)
{
    private const string Article = "http://localhost:8080/posts/hello";

    private static string FormPath(string site, string thread) => TestApi.CommentsPath(site, thread) + "/form";

    private static HttpRequestMessage Form(string site, string thread, string? origin, string? referer, params (string, string)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FormPath(site, thread))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        return request;
    }

    private static (string, string)[] WordPressFields(string text, string email = "fran@example.com") =>
        [("comment", text), ("author", "Fran Form"), ("email", email), ("url", ""), ("comment_parent", "0"), ("redirect_to", Article)];

    private static HttpClient NoRedirects(ServiceFixture fixture) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress };

    [Fact]
    public async Task A_form_post_from_the_sites_page_is_answered_303_to_the_comment_on_the_article()
    {
        using var client = NoRedirects(fixture);
        var thread = TestSites.NewThread("form");

        using var response = await client.SendAsync(Form(TestSites.Open, thread, "http://localhost:8080", "http://localhost:8080/",
            WordPressFields("Posted without JavaScript.")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        var comment = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.Equal("Fran Form", comment.GetProperty("authorName").GetString());
        Assert.Equal($"{Article}#comment-{comment.GetProperty("id").GetString()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_held_form_post_is_sent_back_with_the_pending_marker_and_nothing_else()
    {
        using var client = NoRedirects(fixture);
        var thread = TestSites.NewThread("form");

        using var response = await client.SendAsync(Form(TestSites.Premoderated, thread, "http://localhost:8080", null,
            WordPressFields("Held, posted without JavaScript.")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{Article}#comment-pending", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_form_post_from_another_origin_is_refused_with_403_and_stores_nothing()
    {
        using var client = NoRedirects(fixture);
        var thread = TestSites.NewThread("form");

        using var forged = await client.SendAsync(Form(TestSites.Open, thread, "https://evil.example", "https://evil.example/",
            WordPressFields("Forged.")), TestContext.Current.CancellationToken);
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "form.origin_not_allowed");

        using var anonymous = await client.SendAsync(Form(TestSites.Open, thread, null, null,
            WordPressFields("No origin, no referer.")), TestContext.Current.CancellationToken);
        await anonymous.AssertProblemAsync(HttpStatusCode.Forbidden, "form.origin_not_allowed");

        // Even from the site's own origin, the redirect never leaves the site's origins.
        using var openRedirect = await client.SendAsync(Form(TestSites.Open, thread, "http://localhost:8080", null,
            [("comment", "Redirect me away."), ("author", "Fran"), ("email", "fran@example.com"), ("redirect_to", "https://evil.example/")]),
            TestContext.Current.CancellationToken);
        await openRedirect.AssertProblemAsync(HttpStatusCode.Forbidden, "form.origin_not_allowed");

        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, thread));
    }

    [Fact]
    public async Task Form_field_errors_name_the_wordpress_fields()
    {
        using var client = NoRedirects(fixture);
        var thread = TestSites.NewThread("form");

        using var response = await client.SendAsync(Form(TestSites.Open, thread, "http://localhost:8080", null,
            WordPressFields("Bad email here.", email: "not-an-email")), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_email", field: "email");
    }

    [Fact]
    public async Task A_browser_gets_its_field_errors_as_a_page_in_its_language_with_what_it_typed_kept_and_escaped()
    {
        using var client = NoRedirects(fixture);
        var thread = TestSites.NewThread("form");
        var typed = "A long thought about <b>bridges</b> & \"quotes\", written with care.";
        var request = Form(TestSites.Open, thread, "http://localhost:8080", null,
            [("comment", typed), ("author", ""), ("email", "not-an-address"), ("url", ""), ("comment_parent", "0"), ("redirect_to", Article)]);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd("de-AT,de;q=0.9,en;q=0.5");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html);
        Assert.Contains("Name ist erforderlich.", html);
        Assert.Contains("Gib eine gültige E-Mail-Adresse ein.", html);
        Assert.Contains("A long thought about &lt;b&gt;bridges&lt;/b&gt; &amp; &quot;quotes&quot;, written with care.</textarea>", html);
        Assert.DoesNotContain("<b>bridges</b>", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.Contains($"href=\"{Article}\"", html);
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, thread));
    }

    [Fact]
    public async Task The_forms_lang_field_picks_the_language_and_an_arabic_page_reads_right_to_left()
    {
        using var client = NoRedirects(fixture);
        var request = Form(TestSites.Open, TestSites.NewThread("form"), "http://localhost:8080", null,
            [("comment", ""), ("author", "Fran"), ("email", "fran@example.com"), ("redirect_to", Article), ("lang", "ar")]);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("de");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"ar\">", html);
        Assert.Contains("العودة إلى المقال", html);
    }

    [Fact]
    public async Task A_held_answer_carries_an_author_token_that_differs_per_comment_and_never_appears_publicly()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("token");

        using var first = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("First held."));
        using var second = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("Second held."));
        var a = await first.JsonAsync();
        var b = await second.JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("pending", a.GetProperty("status").GetString());
        var token = a.GetProperty("token").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, b.GetProperty("token").GetString());

        var listed = await client.GetStringAsync(TestApi.CommentsPath(TestSites.Premoderated, thread), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(token, listed);
    }
}

public sealed class FormPostOnGarnet(GarnetService fixture) : FormPostTests(fixture);

public sealed class FormPostOnRedis(RedisService fixture) : FormPostTests(fixture);
