using System.Net;
using System.Net.Http.Json;
using System.Text;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Hardening;

/// <summary>
/// Input: text a reader, an author or a moderator sends is held to one rule (Unicode, controls,
/// invisible-only, bidi overrides, byte limits), refused with a 400 naming the field, and never
/// half-stored; the no-JavaScript form refuses malformed bodies like the JSON endpoint does.
/// </summary>
public abstract class InputTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _thread = TestSites.NewThread("input");

    private async Task PostAndExpect(object body, HttpStatusCode status, string code, string? field)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, _thread, body);
        await response.AssertProblemAsync(status, code, field);
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, _thread));
    }

    [Theory]
    [InlineData("text", "\uFFFE")]
    [InlineData("text", "\uFDD0")]
    [InlineData("text", "\uD83F\uDFFE")]
    [InlineData("authorName", "\uFFFF")]
    public Task A_unicode_noncharacter_is_a_400_invalid_unicode_not_a_500(string field, string noncharacter)
    {
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body[field] = "a" + noncharacter + "b";
        return PostAndExpect(body, HttpStatusCode.BadRequest, "field.invalid_unicode", field);
    }

    [Theory]
    [InlineData("text", "\u200B\u200D\u2060")]
    [InlineData("authorName", "\u200B\uFEFF")]
    [InlineData("authorName", "\u3164")]
    public Task Only_invisible_characters_count_as_missing(string field, string invisible)
    {
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body[field] = invisible;
        return PostAndExpect(body, HttpStatusCode.BadRequest, "field.required", field);
    }

    [Theory]
    [InlineData("text", "good \u202Eevil")]
    [InlineData("authorName", "Ann\u2067x")]
    public Task A_bidi_override_or_isolate_is_a_400(string field, string value)
    {
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body[field] = value;
        return PostAndExpect(body, HttpStatusCode.BadRequest, "field.bidi_control", field);
    }

    [Fact]
    public async Task The_authors_website_is_stored_normalised()
    {
        using var client = fixture.CreateClient();
        var comment = await client.PublishAsync(TestSites.Open, _thread,
            TestApi.Reply("My site.", url: "  HTTPS://Example.COM:443/a/../b  "));
        Assert.Equal("https://example.com/b", comment.GetProperty("authorUrl").GetString());
    }

    [Fact]
    public async Task The_same_over_long_text_gets_the_same_field_code_from_submission_author_edit_and_moderator_edit()
    {
        using var client = fixture.CreateClient();
        var tooLong = new string('x', 65_526);
        using var submitted = await client.PostAsync(TestSites.Open, _thread, TestApi.Reply(tooLong));
        await submitted.AssertProblemAsync(HttpStatusCode.BadRequest, "field.too_long", "text");

        using var posted = await client.PostAsync(TestSites.Open, _thread, TestApi.Reply("Short."));
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        using var authorEdit = await client.PostAsJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}/edit",
            new { token = posted.Headers.GetValues("Author-Token").Single(), text = tooLong }, Ct);
        await authorEdit.AssertProblemAsync(HttpStatusCode.BadRequest, "field.too_long", "text");

        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var moderatorEdit = await moderator.ActAsync(TestSites.Open, id, "edit", text: tooLong);
        await moderatorEdit.AssertProblemAsync(HttpStatusCode.BadRequest, "field.too_long", "text");
    }

    [Theory]
    [InlineData("nul \0 here", "field.control_characters")]
    [InlineData("bad \uFFFE here", "field.invalid_unicode")]
    [InlineData("\u200B", "field.required")]
    public async Task A_moderators_edit_is_held_to_the_same_text_rule(string text, string code)
    {
        using var client = fixture.CreateClient();
        var comment = await client.PublishAsync(TestSites.Open, _thread, TestApi.Reply("Original."));
        var id = comment.GetProperty("id").GetString()!;
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var edit = await moderator.ActAsync(TestSites.Open, id, "edit", text: text);
        await edit.AssertProblemAsync(HttpStatusCode.BadRequest, code, "text");
        var read = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.Equal("<p>Original.</p>", read.GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_thread_url_is_kept_only_on_the_sites_origins_and_without_query_or_fragment()
    {
        using var client = fixture.CreateClient();
        var foreign = TestSites.NewThread("input");
        await client.PublishAsync(TestSites.Open, foreign, new { text = "Hi.", authorName = "Ann", authorEmail = "ann@example.com",
            threadTitle = "Post", threadUrl = "https://evil.example/phish" });
        Assert.True((await fixture.Store.HashGetAsync($"c:{{{TestSites.Open}}}:thread:{foreign}", "url")).IsNull);

        var own = TestSites.NewThread("input");
        await client.PublishAsync(TestSites.Open, own, new { text = "Hi.", authorName = "Ann", authorEmail = "ann@example.com",
            threadTitle = "Post", threadUrl = "http://localhost:8080/post?subscriber=ann@example.com&sid=42#comments" });
        Assert.Equal("http://localhost:8080/post", (string?)await fixture.Store.HashGetAsync($"c:{{{TestSites.Open}}}:thread:{own}", "url"));
    }

    [Fact]
    public async Task A_readers_title_only_fills_a_missing_one_and_a_moderator_corrects_title_and_url()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("input");
        var key = $"c:{{{TestSites.Open}}}:thread:{thread}";
        await client.PublishAsync(TestSites.Open, thread, new { text = "First.", authorName = "Ann", authorEmail = "ann@example.com",
            threadTitle = "Wrong title", threadUrl = "http://localhost:8080/wrong" });
        await client.PublishAsync(TestSites.Open, thread, new { text = "Second.", authorName = "Bea", authorEmail = "bea@example.com",
            threadTitle = "Another reader's title", threadUrl = "http://localhost:8080/other" });
        Assert.Equal("Wrong title", (string?)await fixture.Store.HashGetAsync(key, "title"));

        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var path = $"{ModerationTestApi.SitePath(TestSites.Open)}/threads/{thread}/details";
        using var foreign = await moderator.PostAsJsonAsync(path, new { url = "https://evil.example/x" }, Ct);
        await foreign.AssertProblemAsync(HttpStatusCode.BadRequest, "field.invalid_url", "url");
        using var nul = await moderator.PostAsJsonAsync(path, new { title = "a\0b" }, Ct);
        await nul.AssertProblemAsync(HttpStatusCode.BadRequest, "field.control_characters", "title");
        using var fixedUp = await moderator.PostAsJsonAsync(path, new { title = "Right title", url = "http://localhost:8080/right?utm=x" }, Ct);
        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.Equal("Right title", (string?)await fixture.Store.HashGetAsync(key, "title"));
        Assert.Equal("http://localhost:8080/right", (string?)await fixture.Store.HashGetAsync(key, "url"));

        using var reader = fixture.CreateClient();
        using var anonymous = await reader.PostAsJsonAsync(path, new { title = "Mine now" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_bad_thread_id_is_answered_before_the_body_of_a_thread_details_correction_is_read()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var path = $"{ModerationTestApi.SitePath(TestSites.Open)}/threads/{new string('t', 129)}/details";
        using var both = await moderator.PostAsJsonAsync(path, new { title = "" }, Ct);
        var problem = await both.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "thread");
        Assert.Equal("request.bad_query", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", "application/json")]
    [InlineData("/form", "application/x-www-form-urlencoded")]
    public async Task A_body_with_broken_chunk_framing_is_a_400_problem_not_a_500(string suffix, string contentType)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        var address = fixture.Service.BaseAddress;
        await tcp.ConnectAsync(address.Host, address.Port, Ct);
        var stream = tcp.GetStream();
        var path = TestApi.CommentsPath(TestSites.Open, _thread) + suffix;
        var request = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:8080\r\nContent-Type: {contentType}\r\n" +
            "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tex\r\nZZ\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync(timeout.Token);
        Assert.True(answer.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), answer);
        Assert.Contains("application/problem+json", answer);
        Assert.Contains("\"code\":\"request.body_incomplete\"", answer);
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, _thread));
    }

    // ---- the no-JavaScript form ----

    private async Task FormAndExpect(byte[] body, HttpStatusCode status, string code, string? field = null, bool chunked = false)
    {
        using var client = fixture.CreateClient();
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, TestApi.CommentsPath(TestSites.Open, _thread) + "/form") { Content = content };
        request.Headers.Add("Origin", "http://localhost:8080");
        if (chunked) request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Ct);
        await response.AssertProblemAsync(status, code, field);
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, _thread));
    }

    private const string Valid = "comment=hello&author=Fran&email=fran%40example.com&redirect_to=http%3A%2F%2Flocalhost%3A8080%2Fp";

    [Fact]
    public Task A_form_with_too_many_fields_is_a_400() =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid + string.Concat(Enumerable.Range(0, 1100).Select(i => $"&f{i}=1"))),
            HttpStatusCode.BadRequest, "request.malformed_form");

    [Fact]
    public Task A_form_with_an_over_long_key_is_a_400() =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid + "&" + new string('k', 3000) + "=1"), HttpStatusCode.BadRequest, "request.malformed_form");

    [Theory]
    [InlineData("&comm%00ent=x")]
    [InlineData("&%00=%00")]
    public Task A_form_with_nul_in_a_key_is_a_400(string extra) =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid + extra), HttpStatusCode.BadRequest, "request.malformed_form");

    [Fact]
    public Task A_form_value_with_nul_is_a_400_naming_the_field() =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid.Replace("comment=hello", "comment=he%00llo")),
            HttpStatusCode.BadRequest, "field.control_characters", "comment");

    [Theory]
    [InlineData("comment=caf%E9")]
    [InlineData("comment=%C3%28")]
    [InlineData("comment=%ED%A0%80")]
    public Task A_form_value_that_is_not_utf8_is_a_400_invalid_unicode(string comment) =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid.Replace("comment=hello", comment)),
            HttpStatusCode.BadRequest, "field.invalid_unicode", "comment");

    [Fact]
    public Task An_over_long_chunked_form_is_a_413() =>
        FormAndExpect(Encoding.ASCII.GetBytes(Valid + "&pad=" + new string('a', 600 * 1024)),
            HttpStatusCode.RequestEntityTooLarge, "request.body_too_large", chunked: true);
}

public sealed class InputOnGarnet(GarnetService fixture) : InputTests(fixture);

public sealed class InputOnRedis(RedisService fixture) : InputTests(fixture);
