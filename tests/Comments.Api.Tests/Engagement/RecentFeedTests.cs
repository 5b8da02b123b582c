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
        var olderText = $"Older, on A {a}.";
        var newerText = $"Newer, on B {b}.";
        await client.PublishAsync(site, a, new { text = olderText, authorName = "Ann", authorEmail = "ann@example.com", threadTitle = "Post A", threadUrl = "http://localhost:8080/a" });
        await client.PublishAsync(site, b, new { text = newerText, authorName = "Bea", authorEmail = "bea@example.com", threadTitle = "Post B", threadUrl = "http://localhost:8080/b" });

        // Other tests post to the same site in parallel (and a shared Redis keeps earlier runs):
        // look for ours by their unique texts, paging back until both are seen.
        var feed = await FeedUntilAsync(client, site, olderText);
        var newer = feed.FindIndex(c => Plain(c) == newerText);
        var older = feed.FindIndex(c => Plain(c) == olderText);
        Assert.True(newer >= 0 && older > newer, $"newest first: B at {newer}, A at {older}");
        var ours = feed[newer];
        Assert.Equal("Post B", ours.GetProperty("threadTitle").GetString());
        Assert.Equal("http://localhost:8080/b", ours.GetProperty("threadUrl").GetString());
        Assert.False(ours.GetProperty("comment").TryGetProperty("authorEmail", out _));

        var first = await client.GetJsonAsync($"/api/sites/{site}/recent?limit=1&before={ours.GetProperty("comment").GetProperty("cursor").GetString()}");
        Assert.NotEqual(newerText, Plain(Assert.Single(first.GetProperty("comments").EnumerateArray())));
        var after = await FeedUntilAsync(client, site, olderText, before: ours.GetProperty("comment").GetProperty("cursor").GetString());
        Assert.Contains(after, c => Plain(c) == olderText);
        Assert.DoesNotContain(after, c => Plain(c) == newerText);
    }

    /// <summary>Pages through the feed (newest first) until a comment with the text appears; at most 40 pages.</summary>
    private static async Task<List<System.Text.Json.JsonElement>> FeedUntilAsync(HttpClient client, string site, string text, string? before = null)
    {
        var seen = new List<System.Text.Json.JsonElement>();
        for (var page = 0; page < 40; page++)
        {
            var json = await client.GetJsonAsync($"/api/sites/{site}/recent?limit=50" + (before is null ? "" : $"&before={before}"));
            var items = json.GetProperty("comments").EnumerateArray().ToList();
            seen.AddRange(items);
            if (items.Any(c => Plain(c) == text) || items.Count == 0) break;
            before = items[^1].GetProperty("comment").GetProperty("cursor").GetString();
        }
        return seen;
    }

    [Fact]
    public async Task A_thread_url_stored_by_an_older_build_is_shown_without_its_query_and_only_on_the_sites_origins()
    {
        using var client = fixture.CreateClient();
        var site = TestSites.Open;
        var withQuery = TestSites.NewThread("recent");
        var foreign = TestSites.NewThread("recent");
        var first = $"Old data with a query {withQuery}.";
        var second = $"Old data elsewhere {foreign}.";
        await client.PublishAsync(site, withQuery, TestApi.Reply(first));
        await client.PublishAsync(site, foreign, TestApi.Reply(second));
        // What an older build stored from the first commenter's browser.
        await fixture.Store.HashSetAsync($"c:{{{site}}}:thread:{withQuery}", "url", "http://localhost:8080/p?subscriber=ann@example.com&sid=42#c");
        await fixture.Store.HashSetAsync($"c:{{{site}}}:thread:{foreign}", "url", "https://evil.example/phish");

        var feed = await FeedUntilAsync(client, site, first);
        Assert.Equal("http://localhost:8080/p", feed.Single(c => Plain(c) == first).GetProperty("threadUrl").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, feed.Single(c => Plain(c) == second).GetProperty("threadUrl").ValueKind);
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
