using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// Every kind of bad input gets a 4xx ProblemDetails naming the field and a stable code, never
/// a 500, and stores nothing: after each refusal the store holds no key of that thread.
/// </summary>
public abstract class BadInputTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _thread = TestSites.NewThread("bad");

    private async Task AssertRefusedAndNothingStored(HttpResponseMessage response, HttpStatusCode status, string code, string? field)
    {
        await response.AssertProblemAsync(status, code, field);
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, _thread));
    }

    private async Task PostAndExpect(object body, HttpStatusCode status, string code, string? field)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, _thread, body);
        await AssertRefusedAndNothingStored(response, status, code, field);
    }

    private async Task PostRawAndExpect(string body, HttpStatusCode status, string code, string? field, string contentType = "application/json")
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostRawAsync(TestSites.Open, _thread, body, contentType);
        await AssertRefusedAndNothingStored(response, status, code, field);
    }

    [Fact]
    public Task Malformed_json_is_a_400_malformed_json() =>
        PostRawAndExpect("{\"text\": \"unterminated", HttpStatusCode.BadRequest, "request.malformed_json", null);

    [Fact]
    public Task A_json_array_instead_of_an_object_is_a_400_malformed_json() =>
        PostRawAndExpect("[1,2,3]", HttpStatusCode.BadRequest, "request.malformed_json", null);

    [Fact]
    public Task A_number_where_text_belongs_is_a_400_wrong_type_naming_the_field() =>
        PostRawAndExpect("{\"text\": 42, \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\"}",
            HttpStatusCode.BadRequest, "request.wrong_type", "text");

    [Fact]
    public Task An_object_where_the_parent_id_belongs_is_a_400_wrong_type() =>
        PostRawAndExpect("{\"text\": \"hi\", \"authorName\": \"Ann\", \"authorEmail\": \"ann@example.com\", \"parentId\": {}}",
            HttpStatusCode.BadRequest, "request.wrong_type", "parentId");

    [Fact]
    public Task A_form_post_to_the_json_endpoint_is_a_415() =>
        PostRawAndExpect("text=hi", HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type", null, "text/plain");

    [Theory]
    [InlineData("text")]
    [InlineData("authorName")]
    [InlineData("authorEmail")]
    public async Task A_missing_required_field_is_a_400_naming_it(string missing)
    {
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body.Remove(missing);
        await PostAndExpect(body, HttpStatusCode.BadRequest, "field.required", missing);
    }

    [Fact]
    public Task Whitespace_only_text_counts_as_missing() =>
        PostAndExpect(TestApi.Reply(" \n\t "), HttpStatusCode.BadRequest, "field.required", "text");

    [Fact]
    public async Task A_body_over_the_cap_is_a_413()
    {
        var huge = new string('a', 600 * 1024);
        await PostAndExpect(TestApi.Reply(huge), HttpStatusCode.RequestEntityTooLarge, "request.body_too_large", null);
    }

    [Fact]
    public async Task A_body_over_the_cap_without_content_length_is_a_413()
    {
        using var client = fixture.CreateClient();
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "{\"text\":\"" + new string('a', 600 * 1024) + "\",\"authorName\":\"Ann\",\"authorEmail\":\"ann@example.com\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestApi.CommentsPath(TestSites.Open, _thread)) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request, Ct);
        await AssertRefusedAndNothingStored(response, HttpStatusCode.RequestEntityTooLarge, "request.body_too_large", null);
    }

    [Theory]
    [InlineData("text", 65_525)]
    [InlineData("authorName", 245)]
    [InlineData("authorEmail", 100)]
    [InlineData("authorUrl", 200)]
    public async Task A_field_one_byte_over_its_utf8_limit_is_a_400_too_long(string field, int limit)
    {
        // 'é' is two bytes in UTF-8: the limit counts bytes, as WordPress does, not characters.
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body[field] = field switch
        {
            "authorEmail" => new string('a', limit - "@example.com".Length + 1) + "@example.com",
            "authorUrl" => "https://example.com/" + new string('a', limit - "https://example.com/".Length + 1),
            _ => new string('é', (limit + 1) / 2) + ((limit + 1) % 2 == 1 ? "a" : ""),
        };
        Assert.Equal(limit + 1, System.Text.Encoding.UTF8.GetByteCount(body[field]));
        await PostAndExpect(body, HttpStatusCode.BadRequest, "field.too_long", field);
    }

    [Fact]
    public async Task A_field_exactly_at_its_utf8_limit_is_accepted()
    {
        using var client = fixture.CreateClient();
        var text = new string('é', 65_525 / 2) + "a";
        Assert.Equal(65_525, System.Text.Encoding.UTF8.GetByteCount(text));
        await client.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply(text));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@example")]
    [InlineData("ann smith@example.com")]
    [InlineData("ann@exa mple.com")]
    [InlineData("ann@@example.com")]
    public Task An_invalid_email_is_a_400_invalid_email(string email) =>
        PostAndExpect(TestApi.Reply("hello", email: email), HttpStatusCode.BadRequest, "field.invalid_email", "authorEmail");

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://example.com")]
    [InlineData("//example.com")]
    [InlineData("https://user:pass@example.com")]
    public Task A_website_that_is_not_http_or_https_is_a_400_invalid_url(string url) =>
        PostAndExpect(TestApi.Reply("hello", url: url), HttpStatusCode.BadRequest, "field.invalid_url", "authorUrl");

    [Theory]
    [InlineData("text", "bell\u0007")]
    [InlineData("text", "nul\u0000")]
    [InlineData("text", "escape \u001b[31m red")]
    [InlineData("text", "c1 \u0085 control")]
    [InlineData("authorName", "Ann\nSmith")]
    public async Task Control_characters_are_a_400_control_characters(string field, string value)
    {
        var body = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        body[field] = value;
        await PostAndExpect(body, HttpStatusCode.BadRequest, "field.control_characters", field);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_in_the_comment_text_are_fine()
    {
        using var client = fixture.CreateClient();
        await client.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("line one\r\n\tline two"));
    }

    [Theory]
    [InlineData("text", "\\ud800 lone high surrogate")]
    [InlineData("text", "lone low \\udc00")]
    [InlineData("authorName", "Ann \\ud83d")]
    public Task Invalid_utf16_surrogates_are_a_400_invalid_unicode(string field, string escaped)
    {
        var fields = new Dictionary<string, string> { ["text"] = "hello", ["authorName"] = "Ann", ["authorEmail"] = "ann@example.com" };
        fields[field] = escaped;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}";
        return PostRawAndExpect(json, HttpStatusCode.BadRequest, "field.invalid_unicode", field);
    }

    [Fact]
    public async Task A_parent_that_does_not_exist_is_a_400_parent_not_found()
    {
        await PostAndExpect(TestApi.Reply("reply", parentId: "999999999"), HttpStatusCode.BadRequest, "comment.parent_not_found", "parentId");
        await PostAndExpect(TestApi.Reply("reply", parentId: "not-an-id"), HttpStatusCode.BadRequest, "comment.parent_not_found", "parentId");
    }

    [Fact]
    public async Task A_parent_in_another_thread_is_a_400_parent_other_thread()
    {
        using var client = fixture.CreateClient();
        var elsewhere = await client.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("I live elsewhere"));
        await PostAndExpect(TestApi.Reply("reply", parentId: elsewhere.GetProperty("id").GetString()),
            HttpStatusCode.BadRequest, "comment.parent_other_thread", "parentId");
    }

    [Fact]
    public async Task A_parent_that_is_not_published_is_a_400_parent_not_published()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        using var held = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("waiting for a moderator"));
        var heldId = (await held.JsonAsync()).GetProperty("id").GetString();
        var keysBefore = await fixture.KeysOfThreadAsync(TestSites.Premoderated, thread);

        using var reply = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("reply to it", parentId: heldId));

        await reply.AssertProblemAsync(HttpStatusCode.BadRequest, "comment.parent_not_published", "parentId");
        Assert.Equal(keysBefore.Order(), (await fixture.KeysOfThreadAsync(TestSites.Premoderated, thread)).Order());
        Assert.Equal(1, await fixture.Store.SortedSetLengthAsync($"c:{{{TestSites.Premoderated}}}:thread-all:{thread}"));
    }

    [Fact]
    public async Task An_unknown_site_is_a_404_site_not_found_and_is_never_created()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync("no-such-site", _thread, TestApi.Reply("hello"));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "site.not_found", "site");
        using var read = await client.GetAsync(TestApi.CommentsPath("no-such-site", _thread), Ct);
        await read.AssertProblemAsync(HttpStatusCode.NotFound, "site.not_found", "site");
        Assert.Empty(await fixture.KeysOfThreadAsync("no-such-site", _thread));
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("quote%22")]
    public async Task An_invalid_thread_id_is_a_400_invalid_thread_id(string thread)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("hello"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "thread.invalid_id", "thread");
    }

    [Fact]
    public async Task A_thread_id_longer_than_128_characters_is_a_400()
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsync(TestSites.Open, new string('x', 129), TestApi.Reply("hello"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "thread.invalid_id", "thread");
    }

    [Theory]
    [InlineData("sort=sideways", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("after=-1", "after")]
    [InlineData("cursor=1&after=2", "after")]
    public async Task A_bad_query_on_the_thread_listing_is_a_400_naming_the_parameter(string query, string field)
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync(TestApi.CommentsPath(TestSites.Open, _thread) + "?" + query, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", field);
    }

    [Fact]
    public async Task Counts_without_threads_or_with_too_many_are_a_400()
    {
        using var client = fixture.CreateClient();
        using var none = await client.GetAsync($"/api/sites/{TestSites.Open}/counts", Ct);
        await none.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "thread");
        var many = string.Join("&", Enumerable.Range(0, 101).Select(i => $"thread=t{i}"));
        using var tooMany = await client.GetAsync($"/api/sites/{TestSites.Open}/counts?{many}", Ct);
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "thread");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_not_an_empty_body()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/api/nothing-here", Ct);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "request.not_found");
    }
}

public sealed class BadInputOnGarnet(GarnetService fixture) : BadInputTests(fixture);

public sealed class BadInputOnRedis(RedisService fixture) : BadInputTests(fixture);
