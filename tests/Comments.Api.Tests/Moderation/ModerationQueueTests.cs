using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>Reading the queues: filters, paging, and everything shown about an item.</summary>
public abstract class ModerationQueueTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_comment_is_in_the_pending_queue_with_author_details_reasons_and_history()
    {
        using var reader = fixture.CreateClient();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd("QueueTest/1.0");
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var email = $"hist-{Guid.NewGuid():N}@example.com";
        var earlier = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("An earlier one", "Hana", email));
        await moderator.ActOkAsync(TestSites.Premoderated, earlier, "approve");

        var id = await reader.HoldAsync(TestSites.Premoderated, thread,
            TestApi.Reply("Please *look* at this", "Hana", email, url: "https://hana.example"), forwardedFor: "198.51.100.23");

        var page = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("pending", item.GetProperty("queue").GetString());
        Assert.Equal("Please *look* at this", item.GetProperty("text").GetString());
        Assert.Equal("<p>Please <em>look</em> at this</p>", item.GetProperty("html").GetString());
        Assert.Equal("Hana", item.GetProperty("authorName").GetString());
        Assert.Equal(email, item.GetProperty("authorEmail").GetString());
        Assert.Equal("https://hana.example/", item.GetProperty("authorUrl").GetString()); // stored normalised (issue 10)
        Assert.Equal("198.51.100.23", item.GetProperty("ip").GetString());
        Assert.Equal("QueueTest/1.0", item.GetProperty("userAgent").GetString());
        Assert.Equal(thread, item.GetProperty("threadId").GetString());
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "site.pre_moderation");
        Assert.True(item.TryGetProperty("spamScore", out _) && item.TryGetProperty("toxicityScore", out _) && item.TryGetProperty("modelVersion", out _));
        var history = item.GetProperty("authorHistory");
        Assert.Equal(1, history.GetProperty("published").GetInt64());
        Assert.Equal(1, history.GetProperty("pending").GetInt64());
        Assert.Equal(0, history.GetProperty("rejected").GetInt64());
        Assert.Equal(0, history.GetProperty("spam").GetInt64());
        Assert.True(page.GetProperty("counts").GetProperty("pending").GetInt64() >= 1);
    }

    [Fact]
    public async Task The_pending_queue_pages_oldest_first_by_cursor()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply($"Paged comment {i}")));

        var first = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, "limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, $"limit=2&cursor={cursor}");

        Assert.Equal(ids.Take(2), first.Ids());
        Assert.Equal(ids.Skip(2), second.Ids());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task The_site_wide_queue_lists_held_comments_of_every_thread_in_order()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var a = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Thread A comment"));
        var b = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Thread B comment"));

        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await moderator.QueueAsync(TestSites.Premoderated, "pending", query: $"limit=200{(cursor is null ? "" : $"&cursor={cursor}")}");
            ids.AddRange(page.Ids());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.True(ids.IndexOf(a) >= 0 && ids.IndexOf(a) < ids.IndexOf(b), "both listed, oldest first");
    }

    [Fact]
    public async Task A_filtered_queue_finds_words_in_the_text_the_author_name_or_the_email_and_pages_the_matches()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var inText = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply($"The {word.ToUpperInvariant()} question, again"));
        await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Nothing to see here", "Someone Else", "else@example.com"));
        var inName = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Another ordinary remark", $"Ann {word}"));
        var inEmail = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("A third ordinary remark", "Ann", $"{word}@example.com"));

        var all = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, $"q={word}");
        var first = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, $"q={word}&limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var rest = await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, $"q={word}&limit=2&cursor={cursor}");

        Assert.Equal([inText, inName, inEmail], all.Ids());
        Assert.Equal([inText, inName], first.Ids());
        Assert.Equal([inEmail], rest.Ids());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task A_filtered_queue_keeps_a_reason_or_its_family_and_a_range_of_days()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Held for the filter test"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

        async Task<List<string>> Listed(string query) => (await moderator.QueueAsync(TestSites.Premoderated, "pending", thread, query)).Ids();

        Assert.Equal([id], await Listed("reason=site.pre_moderation"));
        Assert.Equal([id], await Listed("reason=site"));
        Assert.Equal([id], await Listed("reason=site."));
        Assert.Empty(await Listed("reason=sit"));
        Assert.Empty(await Listed("reason=rule.links"));
        Assert.Equal([id], await Listed($"from={yesterday}&to={today}"));
        Assert.Empty(await Listed($"from={tomorrow}"));
        Assert.Empty(await Listed($"to={yesterday}"));
    }

    [Fact]
    public async Task A_held_item_names_its_article_with_the_title_and_link_the_page_gave()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var body = new { text = "Which article is this under?", authorName = "Ann", authorEmail = "ann@example.com",
            threadTitle = "Why the bridge closed", threadUrl = "http://localhost:8080/2026/bridge" };
        var id = await reader.HoldAsync(TestSites.Premoderated, thread, body);
        var bare = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("No title given"));

        var item = await moderator.ItemAsync(TestSites.Premoderated, id);
        var untitled = await moderator.ItemAsync(TestSites.Premoderated, bare);

        Assert.Equal("Why the bridge closed", item.GetProperty("article").GetProperty("title").GetString());
        Assert.Equal("http://localhost:8080/2026/bridge", item.GetProperty("article").GetProperty("url").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, untitled.GetProperty("article").ValueKind);
    }

    [Fact]
    public async Task Bad_filters_answer_problem_details_naming_the_field()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var path = ModerationTestApi.SitePath(TestSites.Open);

        using var from = await moderator.GetAsync($"{path}/queue/pending?from=yesterday", Ct);
        using var to = await moderator.GetAsync($"{path}/queue/pending?to=2026-02-30", Ct);
        using var order = await moderator.GetAsync($"{path}/queue/pending?from=2026-03-02&to=2026-03-01", Ct);
        using var reason = await moderator.GetAsync($"{path}/queue/pending?reason=%3Cscript%3E", Ct);
        using var q = await moderator.GetAsync($"{path}/queue/pending?q={new string('a', 201)}", Ct);

        await from.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "from");
        await to.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "to");
        await order.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "to");
        await reason.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "reason");
        await q.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "q");
    }

    [Fact]
    public async Task Bad_queue_names_cursors_limits_and_ids_answer_problem_details()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var path = ModerationTestApi.SitePath(TestSites.Open);

        using var queue = await moderator.GetAsync($"{path}/queue/everything", Ct);
        using var cursor = await moderator.GetAsync($"{path}/queue/pending?cursor=abc", Ct);
        using var limit = await moderator.GetAsync($"{path}/queue/pending?limit=0", Ct);
        using var missing = await moderator.GetAsync($"{path}/comments/999999999", Ct);
        using var site = await fixture.CreateModeratorClient(TestModerators.AdminKey).GetAsync("/api/moderation/sites/nope/queue/pending", Ct);

        await queue.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "queue");
        await cursor.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "cursor");
        await limit.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "limit");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        await site.AssertProblemAsync(HttpStatusCode.NotFound, "site.not_found", "site");
    }
}

public sealed class ModerationQueueOnGarnet(GarnetService fixture) : ModerationQueueTests(fixture);

public sealed class ModerationQueueOnRedis(RedisService fixture) : ModerationQueueTests(fixture);
