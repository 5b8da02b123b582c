using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>count.js on a blog's listing page, served from another origin than the API.</summary>
public sealed class CountScriptTests(BrowserFixture fixture) : IAsyncDisposable
{
    private readonly HostSite _blog = new();

    [Fact]
    public async Task Every_element_with_a_thread_gets_its_count_from_one_batch_request()
    {
        using var api = fixture.CreateClient();
        var busy = TestSites.NewThread("count");
        var quiet = TestSites.NewThread("count");
        await api.PublishAsync(TestSites.Open, busy, TestApi.Reply("One."));
        await api.PublishAsync(TestSites.Open, busy, TestApi.Reply("Two."));
        var origin = fixture.Service.BaseAddress.GetLeftPart(UriPartial.Authority);
        var url = _blog.Publish($"/list-{busy}", $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Posts</title></head><body>
            <ul>
              <li>Busy post <a id="busy" href="/busy#comments" data-comments-thread="{{busy}}">…</a></li>
              <li>Quiet post <a id="quiet" href="/quiet#comments" data-comments-thread="{{quiet}}">…</a></li>
              <li>Busy again <span id="busy-again" data-comments-thread="{{busy}}">…</span></li>
            </ul>
            <script src="{{origin}}/count.js" data-site="{{TestSites.Open}}" async></script>
            </body></html>
            """);
        var page = await fixture.NewPageAsync();
        var countRequests = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/counts?", StringComparison.Ordinal)) countRequests++; };

        await page.GotoAsync(url);

        await Assertions.Expect(page.Locator("#busy")).ToHaveTextAsync("2 comments", new() { Timeout = BrowserFixture.Patience });
        await Assertions.Expect(page.Locator("#busy-again")).ToHaveTextAsync("2 comments");
        await Assertions.Expect(page.Locator("#quiet")).ToHaveTextAsync("No comments");
        await Assertions.Expect(page.Locator("#busy")).ToHaveAttributeAsync("data-comments-count", "2");
        Assert.Equal(1, countRequests);
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
