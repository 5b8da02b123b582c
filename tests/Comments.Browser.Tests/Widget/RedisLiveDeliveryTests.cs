using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// Live delivery in the browser on redis-server, across two nodes: a reader's page served by
/// node A sees, live, a comment written in a page served by node B, both nodes sharing one
/// redis-server (store and SignalR backplane), as in production.
/// </summary>
public sealed class RedisLiveDeliveryTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();
    private readonly List<ServiceProcess> _nodes = [];
    private readonly List<string> _dataDirs = [];

    [Fact]
    public async Task A_comment_written_on_node_b_arrives_live_in_a_page_on_node_a_over_redis_server()
    {
        StoreBackend.SkipUnlessRedis();
        var nodeA = await StartNodeAsync(StoreBackend.Redis!.RedisAddress!);
        var nodeB = await StartNodeAsync(StoreBackend.Redis!.RedisAddress!);
        var thread = TestSites.NewThread("redis-live");
        var reader = await OpenArticleAsync(nodeA, thread);
        await reader.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var writer = await OpenArticleAsync(nodeB, thread);

        await writer.FillAsync("#comment", "Written on node B, read on node A.");
        await writer.FillAsync("#author", "Nora Node");
        await writer.FillAsync("#email", "nora@example.com");
        await writer.ClickAsync("#submit");

        var arrived = reader.Locator("li.comment", new() { HasTextString = "Written on node B, read on node A." });
        await arrived.WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(arrived.Locator(".author")).ToHaveTextAsync("Nora Node");
        await Assertions.Expect(reader.Locator("#comments-title")).ToHaveTextAsync("One comment");
        Assert.DoesNotContain("nora@example.com", await reader.ContentAsync());
    }

    private async Task<IPage> OpenArticleAsync(ServiceProcess node, string thread)
    {
        var url = _blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(node.BaseAddress, TestSites.Open, thread));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    private async Task<ServiceProcess> StartNodeAsync(string redis)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-browser-redis-").FullName;
        _dataDirs.Add(dataDir);
        var node = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, redis, FreePort.Next()));
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _blog.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        foreach (var dir in _dataDirs) Directory.Delete(dir, recursive: true);
    }
}
