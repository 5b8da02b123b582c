using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Import;

/// <summary>
/// <c>POST /api/moderation/sites/{site}/import</c> on the real service: the WXR file a real WordPress wrote
/// (tests/Comments.Admin.Tests/Fixtures), streamed as the body to the importer the CLI uses.
/// The store may already hold this file's rows from an earlier run (Redis outlives the service), so a first
/// answer is "imported or already imported"; a second answer always imports nothing.
/// </summary>
public abstract class ImportApiTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Site = TestSites.Open;
    private static readonly string RealFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordpress-6.1-debian.wxr");
    private static string ImportPath(string site, string query) => $"{ModerationTestApi.SitePath(site)}/import?{query}";

    private static StreamContent Xml(Stream body, string type = "application/xml")
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> ImportAsync(HttpClient client, string query, HttpContent content)
    {
        using var response = await client.PostAsync(ImportPath(Site, query), content, Ct);
        return (response.StatusCode, await response.JsonAsync());
    }

    [Fact]
    public async Task A_real_wordpress_export_is_imported_once_reported_row_by_row_and_its_published_comments_are_public_without_emails()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var (status, first) = await ImportAsync(admin, "format=wxr", Xml(File.OpenRead(RealFixture)));
        Assert.True(status == HttpStatusCode.OK, first.ToString());
        Assert.Equal(8, first.GetProperty("read").GetInt64());
        Assert.Equal(7, first.GetProperty("imported").GetInt64() + first.GetProperty("alreadyImported").GetInt64());
        Assert.Equal(3, first.GetProperty("threads").GetInt64());
        var skipped = Assert.Single(first.GetProperty("skipped").EnumerateArray());
        Assert.Equal("a pingback (--keep-pings imports them)", skipped.GetProperty("reason").GetString());
        Assert.False(first.GetProperty("dryRun").GetBoolean());

        var (againStatus, again) = await ImportAsync(admin, "format=wxr", Xml(File.OpenRead(RealFixture)));
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal((0L, 7L), (again.GetProperty("imported").GetInt64(), again.GetProperty("alreadyImported").GetInt64()));

        using var reader = fixture.CreateClient();
        using var page = await reader.GetAsync(TestApi.CommentsPath(Site, "hello-from-wordpress") + "?sort=oldest", Ct);
        var body = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, body);
        var authors = JsonDocument.Parse(body).RootElement.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("authorName").GetString()).ToList();
        Assert.Equal(["Wanda", "Zoë Ångström", "Bob"], authors);
        Assert.DoesNotContain("@", body);
        Assert.DoesNotContain("203.0.113.7", body);
    }

    [Fact]
    public async Task With_score_the_sites_model_holds_a_published_comment_it_calls_spam_and_the_report_counts_each_outcome()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var thread = "scored-" + Guid.NewGuid().ToString("N")[..12];
        var first = Random.Shared.NextInt64(100_000_000_000, 900_000_000_000);
        string Row(long id, string text) =>
            $"<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_author_email>r{id}@example.net</wp:comment_author_email>" +
            $"<wp:comment_date_gmt>2024-06-02 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[{text}]]></wp:comment_content>" +
            "<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>";
        var wxr = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>" +
            $"<item><title>Scored</title><link>https://blog.example.org/{thread}/</link><wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-06-01 08:00:00</wp:post_date_gmt>" +
            Row(first, "Norton antivirus customer support phone number +1-888-555-0199 call now for help with your account, 24/7 toll free helpline") +
            Row(first + 1, "I walked past the junction this morning and the new crossing works well; thanks for writing about it.") +
            "</item></channel></rss>";
        using var response = await admin.PostAsync($"{ModerationTestApi.SitePath(TestSites.Model)}/import?format=wxr&score=true",
            new StringContent(wxr, Encoding.UTF8, "application/xml"), Ct);
        var report = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(1, report.GetProperty("scored").GetProperty("published → pending").GetInt64());
        Assert.Equal(1, report.GetProperty("scored").GetProperty("published kept").GetInt64());

        using var reader = fixture.CreateClient();
        var page = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Model, thread));
        var published = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.StartsWith("<p>I walked past the junction", published.GetProperty("html").GetString());
    }

    [Fact]
    public async Task A_file_that_breaks_after_a_thousand_comments_keeps_and_reports_them_and_the_fixed_file_imports_the_rest()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var thread = "resume-" + Guid.NewGuid().ToString("N")[..12];
        var first = Random.Shared.NextInt64(100_000_000_000, 900_000_000_000);
        var rows = string.Concat(Enumerable.Range(0, 1500).Select(i =>
            $"<wp:comment><wp:comment_id>{first + i}</wp:comment_id><wp:comment_author>R</wp:comment_author><wp:comment_date_gmt>2024-06-02 10:00:00</wp:comment_date_gmt>" +
            $"<wp:comment_content>Comment {i}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>"));
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>" +
            $"<item><title>Resume</title><link>https://blog.example.org/{thread}/</link><wp:post_id>1</wp:post_id>" + rows;

        using var broken = await admin.PostAsync(ImportPath(Site, "format=wxr"), new StringContent(head + "<wp:comment><wp:comment_id>", Encoding.UTF8, "application/xml"), Ct);
        var problem = await broken.AssertProblemAsync(HttpStatusCode.BadRequest, "import.bad_file");
        // The first batch (1,000) was written before the error; the rest of the rows were read but not yet written.
        Assert.Equal(1000, problem.GetProperty("imported").GetInt64());

        var (status, fixedRun) = await ImportAsync(admin, "format=wxr", new StringContent(head + "</item></channel></rss>", Encoding.UTF8, "application/xml"));
        Assert.True(status == HttpStatusCode.OK, fixedRun.ToString());
        Assert.Equal((500L, 1000L), (fixedRun.GetProperty("imported").GetInt64(), fixedRun.GetProperty("alreadyImported").GetInt64()));
        using var reader = fixture.CreateClient();
        var page = await reader.GetJsonAsync(TestApi.CommentsPath(Site, thread) + "?limit=1");
        Assert.Equal(1500, page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_be_imported_and_stores_nothing()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var file = (await File.ReadAllTextAsync(RealFixture, Ct)).Replace("/cafe-unicode/", "/dry-run-" + Guid.NewGuid().ToString("N")[..12] + "/");
        var thread = System.Text.RegularExpressions.Regex.Match(file, "/(dry-run-[0-9a-f]{12})/").Groups[1].Value;
        var (status, report) = await ImportAsync(admin, "format=wxr&dryRun=true", new StringContent(file, Encoding.UTF8, "application/xml"));
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Empty(await fixture.KeysOfThreadAsync(Site, thread));
    }

    [Fact]
    public async Task A_moderator_key_that_is_not_an_admin_key_is_refused()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var response = await moderator.PostAsync(ImportPath(Site, "format=wxr"), Xml(File.OpenRead(RealFixture)), Ct);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.admin_required");
    }

    [Theory]
    [InlineData("", "format")]
    [InlineData("format=csv", "format")]
    [InlineData("format=wxr&dryRun=maybe", "dryRun")]
    public async Task A_missing_or_unknown_format_or_flag_is_a_bad_query_naming_the_field(string query, string field)
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        using var response = await admin.PostAsync(ImportPath(Site, query), Xml(File.OpenRead(RealFixture)), Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", field);
    }

    [Fact]
    public async Task A_body_that_is_not_xml_is_refused_as_unsupported_media()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        using var response = await admin.PostAsync(ImportPath(Site, "format=wxr"), new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Theory]
    [InlineData("wxr")]
    [InlineData("disqus")]
    public async Task A_file_that_is_not_well_formed_is_a_bad_file_with_its_line_and_nothing_of_it_stored(string format)
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var thread = "broken-" + Guid.NewGuid().ToString("N")[..12];
        var broken = $"<?xml version=\"1.0\"?>\n<rss><channel>\n<item><link>https://x.example/{thread}/</link><title>T</ti";
        using var response = await admin.PostAsync(ImportPath(Site, "format=" + format), new StringContent(broken, Encoding.UTF8, "text/xml"), Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "import.bad_file");
        Assert.Contains("line 3", problem.GetProperty("title").GetString());
        Assert.Equal(0, problem.GetProperty("imported").GetInt64());
        Assert.Empty(await fixture.KeysOfThreadAsync(Site, thread));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_even_when_sent_without_a_length()
    {
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        // Chunked (no Content-Length): the limit is met while the importer reads.
        var huge = new string(' ', TestSites.ImportMaxFileBytes + 1024);
        var stream = new NonSeekable(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<rss><channel>" + huge + "</channel></rss>"));
        using var response = await admin.PostAsync(ImportPath(Site, "format=wxr"), Xml(stream), Ct);
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");

        using var declared = new ByteArrayContent(new byte[TestSites.ImportMaxFileBytes + 1]);
        declared.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var withLength = await admin.PostAsync(ImportPath(Site, "format=wxr"), declared, Ct);
        await withLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.body_too_large");
    }

    /// <summary>A stream HttpClient cannot measure, so it sends the body chunked.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public sealed class ImportApiOnGarnet(GarnetService fixture) : ImportApiTests(fixture);

public sealed class ImportApiOnRedis(RedisService fixture) : ImportApiTests(fixture);
