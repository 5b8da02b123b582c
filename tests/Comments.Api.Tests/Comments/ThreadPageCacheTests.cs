using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using Comments.Api.Comments;
using Comments.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// A thread's page is rendered once per version and served from the node's memory: proven by
/// changing a stored comment behind the service's back (no version bump), which readers then do
/// not see until the thread's version moves.
/// </summary>
public abstract class ThreadPageCacheTests(ServiceFixture fixture)
{
    [Fact]
    public async Task A_thread_page_is_served_from_memory_until_the_thread_version_changes()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var first = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("first words"))).GetProperty("id").GetString()!;
        Assert.Equal("<p>first words</p>", HtmlOf(await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread)), 0));

        await ThreadPageCacheStore.RewriteHtmlBehindTheServiceAsync(fixture.Store, TestSites.Open, first, "<p>changed in the store</p>");

        Assert.Equal("<p>first words</p>", HtmlOf(await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread)), 0));
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("second words"));
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(2, page.GetProperty("count").GetInt64());
        Assert.Equal("<p>changed in the store</p>", HtmlOf(page, 0));
        Assert.Equal("<p>second words</p>", HtmlOf(page, 1));
    }

    [Fact]
    public async Task Each_page_of_a_thread_is_kept_apart()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        for (var i = 0; i < 3; i++) await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"comment {i}"));
        var path = TestApi.CommentsPath(TestSites.Open, thread);

        var all = await client.GetJsonAsync(path);
        var firstTwo = await client.GetJsonAsync(path + "?limit=2");
        var newest = await client.GetJsonAsync(path + "?sort=newest&limit=1");
        var rest = await client.GetJsonAsync(path + $"?limit=2&cursor={firstTwo.GetProperty("nextCursor").GetString()}");

        Assert.Equal(3, all.GetProperty("comments").GetArrayLength());
        Assert.Equal(["<p>comment 0</p>", "<p>comment 1</p>"], Htmls(firstTwo));
        Assert.Equal(["<p>comment 2</p>"], Htmls(newest));
        Assert.Equal(["<p>comment 2</p>"], Htmls(rest));
        Assert.Equal(Htmls(all), Htmls(await client.GetJsonAsync(path)));
    }

    private static string HtmlOf(System.Text.Json.JsonElement page, int index) =>
        page.GetProperty("comments")[index].GetProperty("html").GetString()!;

    private static string[] Htmls(System.Text.Json.JsonElement page) =>
        page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("html").GetString()!).ToArray();
}

public sealed class ThreadPageCacheOnGarnet(GarnetService fixture) : ThreadPageCacheTests(fixture);

public sealed class ThreadPageCacheOnRedis(RedisService fixture) : ThreadPageCacheTests(fixture);

/// <summary>
/// Two real service processes sharing one store: a page node A keeps in memory is never served
/// after node B changed the thread (a new comment, a moderator's removal), with no wait, when the
/// version is read from the store on every request (<c>VersionMaxAgeSeconds=0</c>). With the node's
/// memory of versions on (the default), B's change reaches A by a message: ThreadVersionsTwoNodeTests.
/// </summary>
public sealed class ThreadPageCacheTwoNodeTests : IAsyncDisposable
{
    private readonly ServiceNodes _nodes = new();

    [Fact]
    public async Task Node_a_never_serves_its_page_after_node_b_changed_the_thread_on_redis_server()
    {
        StoreBackend.SkipUnlessRedis();
        var redis = StoreBackend.Redis!.RedisAddress;
        await AssertFreshAcrossNodesAsync(await StartNodeAsync(redis, 0), await StartNodeAsync(redis, 0), redis!);
    }

    [Fact]
    public async Task Node_a_never_serves_its_page_after_node_b_changed_the_thread_on_the_garnet_embedded_in_a()
    {
        var garnetPort = FreePort.Next();
        var nodeA = await StartNodeAsync(redis: null, garnetPort);
        var nodeB = await StartNodeAsync(redis: $"127.0.0.1:{garnetPort}", embeddedPort: 0);
        await AssertFreshAcrossNodesAsync(nodeA, nodeB, $"127.0.0.1:{garnetPort}");
    }

    private static async Task AssertFreshAcrossNodesAsync(ServiceProcess nodeA, ServiceProcess nodeB, string store)
    {
        var thread = TestSites.NewThread();
        using var readerOnA = nodeA.CreateClient();
        using var clientOfB = nodeB.CreateClient();
        using var moderatorOnB = nodeB.CreateClient();
        moderatorOnB.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        var first = (await clientOfB.PublishAsync(TestSites.Open, thread, TestApi.Reply("first on B"))).GetProperty("id").GetString()!;

        Assert.Equal([first], await readerOnA.ReaderIdsAsync(TestSites.Open, thread));
        // Node A holds the page now: a change behind both services' backs (no version bump) stays unseen.
        await using (var direct = await ConnectionMultiplexer.ConnectAsync(store))
            await ThreadPageCacheStore.RewriteHtmlBehindTheServiceAsync(direct.GetDatabase(), TestSites.Open, first, "<p>behind</p>");
        var held = await readerOnA.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal("<p>first on B</p>", held.GetProperty("comments")[0].GetProperty("html").GetString());

        var second = (await clientOfB.PublishAsync(TestSites.Open, thread, TestApi.Reply("second on B"))).GetProperty("id").GetString()!;
        Assert.Equal([first, second], await readerOnA.ReaderIdsAsync(TestSites.Open, thread));

        await moderatorOnB.ActOkAsync(TestSites.Open, first, "delete");
        Assert.Equal([second], await readerOnA.ReaderIdsAsync(TestSites.Open, thread));
    }

    private Task<ServiceProcess> StartNodeAsync(string? redis, int embeddedPort) =>
        _nodes.StartAsync(redis, embeddedPort, new Dictionary<string, string> { ["ThreadCache__VersionMaxAgeSeconds"] = "0" });

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}

internal static class ThreadPageCacheStore
{
    /// <summary>Rewrites a stored comment's html directly in the store, without bumping its thread's version.</summary>
    public static async Task RewriteHtmlBehindTheServiceAsync(IDatabase store, string site, string id, string html)
    {
        var key = $"c:{{{site}}}:comment:{id}";
        var json = System.Text.Json.Nodes.JsonNode.Parse((string)(await store.StringGetAsync(key))!)!;
        var field = json.AsObject().Select(p => p.Key).Single(k => k.Equals("html", StringComparison.OrdinalIgnoreCase));
        json[field] = html;
        Assert.True(await store.StringSetAsync(key, json.ToJsonString()));
    }
}

/// <summary>The cache's own bounds, on the class itself: the size cap is a setting, and 0 turns it off.</summary>
public sealed class ThreadPageCacheBoundsTests
{
    private static readonly PageQuery FirstPage = new(SortOrder.Oldest, null, 50);

    private static ThreadPageCache Cache(long maxBytes)
    {
        var json = new HttpJsonOptions();
        json.SerializerOptions.TypeInfoResolverChain.Insert(0, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        return new(Options.Create(new ThreadCacheOptions { MaxBytes = maxBytes }),
            Options.Create(json));
    }

    private static ThreadCommentsResponse Page(string thread) => new("s", thread, 0, [], null, 3);

    [Fact]
    public void A_page_is_found_at_its_version_only_and_under_its_own_query()
    {
        using var cache = Cache(1024 * 1024);
        var body = cache.Render("s", "t1", FirstPage, 7, Page("t1"));

        Assert.Equal(body, cache.Find("s", "t1", FirstPage, 7, 3));
        Assert.Null(cache.Find("s", "t1", FirstPage, 8, 3));
        Assert.Null(cache.Find("s", "t1", FirstPage, 7, 4));
        Assert.Null(cache.Find("s", "t1", FirstPage with { Limit = 10 }, 7, 3));
        Assert.Null(cache.Find("s", "t2", FirstPage, 7, 3));
        Assert.Null(cache.Find("other", "t1", FirstPage, 7, 3));
    }

    [Fact]
    public void Nothing_is_kept_when_the_cache_is_off_or_a_page_is_larger_than_the_cap()
    {
        using var off = Cache(0);
        off.Render("s", "t1", FirstPage, 7, Page("t1"));
        Assert.Null(off.Find("s", "t1", FirstPage, 7, 3));

        using var tiny = Cache(16);
        Assert.NotEmpty(tiny.Render("s", "t1", FirstPage, 7, Page("t1")));
        Assert.Null(tiny.Find("s", "t1", FirstPage, 7, 3));
    }

    [Fact]
    public void A_thread_without_a_version_is_rendered_but_not_kept()
    {
        using var cache = Cache(1024 * 1024);
        cache.Render("s", "new", FirstPage, 0, Page("new"));
        Assert.Null(cache.Find("s", "new", FirstPage, 0, 3));
    }
}
