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
