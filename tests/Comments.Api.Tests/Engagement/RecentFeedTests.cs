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

        // Other tests post to the same site in parallel: look for ours, not at fixed positions.
        var feed = (await client.GetJsonAsync($"/api/sites/{site}/recent?limit=50")).GetProperty("comments").EnumerateArray().ToList();
        var newer = feed.FindIndex(c => Plain(c) == "Newer, on B.");
        var older = feed.FindIndex(c => Plain(c) == "Older, on A.");
        Assert.True(newer >= 0 && older > newer, $"newest first: B at {newer}, A at {older}");
        var ours = feed[newer];
        Assert.Equal("Post B", ours.GetProperty("threadTitle").GetString());
        Assert.Equal("http://localhost:8080/b", ours.GetProperty("threadUrl").GetString());
        Assert.False(ours.GetProperty("comment").TryGetProperty("authorEmail", out _));

        var first = await client.GetJsonAsync($"/api/sites/{site}/recent?limit=1&before={ours.GetProperty("comment").GetProperty("cursor").GetString()}");
        Assert.NotEqual("Newer, on B.", Plain(Assert.Single(first.GetProperty("comments").EnumerateArray())));
        var after = (await client.GetJsonAsync($"/api/sites/{site}/recent?limit=50&before={ours.GetProperty("comment").GetProperty("cursor").GetString()}"))
            .GetProperty("comments").EnumerateArray().ToList();
        Assert.Contains(after, c => Plain(c) == "Older, on A.");
        Assert.DoesNotContain(after, c => Plain(c) == "Newer, on B.");
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
