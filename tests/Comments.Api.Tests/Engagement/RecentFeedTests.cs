using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Engagement;

/// <summary>The site's recent comments feed against the real service and store.</summary>
public abstract class RecentFeedTests(ServiceFixture fixture)
{
    [Fact]
    public async Task The_recent_feed_lists_published_comments_newest_first_with_their_thread_and_pages_with_before()
    {
        using var client = fixture.CreateClient();
        var site = TestSites.Open;
        var a = TestSites.NewThread("recent");
        var b = TestSites.NewThread("recent");
        await client.PublishAsync(site, a, new { text = "Older, on A.", authorName = "Ann", authorEmail = "ann@example.com", threadTitle = "Post A", threadUrl = "http://localhost:8080/a" });
        await client.PublishAsync(site, b, new { text = "Newer, on B.", authorName = "Bea", authorEmail = "bea@example.com", threadTitle = "Post B", threadUrl = "http://localhost:8080/b" });

        var first = await client.GetJsonAsync($"/api/sites/{site}/recent?limit=1");
        var newest = Assert.Single(first.GetProperty("comments").EnumerateArray());
        Assert.Equal("Newer, on B.", Plain(newest));
        Assert.Equal("Post B", newest.GetProperty("threadTitle").GetString());
        Assert.Equal("http://localhost:8080/b", newest.GetProperty("threadUrl").GetString());
        Assert.False(newest.GetProperty("comment").TryGetProperty("authorEmail", out _));

        var second = await client.GetJsonAsync($"/api/sites/{site}/recent?limit=1&before={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal("Older, on A.", Plain(Assert.Single(second.GetProperty("comments").EnumerateArray())));
    }

    [Fact]
    public async Task The_recent_feed_never_lists_held_comments_and_refuses_a_bad_limit()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("recent");
        using var held = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("Held, not in the feed " + thread));

        var feed = await client.GetStringAsync($"/api/sites/{TestSites.Premoderated}/recent?limit=50", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(thread, feed);

        using var bad = await client.GetAsync($"/api/sites/{TestSites.Open}/recent?limit=500", TestContext.Current.CancellationToken);
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", field: "limit");
    }

    private static string Plain(System.Text.Json.JsonElement item) =>
        item.GetProperty("comment").GetProperty("html").GetString()!.Replace("<p>", "").Replace("</p>", "").Trim();
}

public sealed class RecentFeedOnGarnet(GarnetService fixture) : RecentFeedTests(fixture);

public sealed class RecentFeedOnRedis(RedisService fixture) : RecentFeedTests(fixture);
