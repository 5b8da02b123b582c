using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>Relative times, the Like button's accessible name, and no Reply where the site's depth ends.</summary>
public sealed class WidgetDetailsTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenAsync(string site, string thread, DateTimeOffset? clock = null)
    {
        var page = await fixture.NewPageAsync();
        if (clock is { } now) await page.Clock.SetFixedTimeAsync(now.UtcDateTime);
        await page.GotoAsync(_blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(fixture.Service.BaseAddress, site, thread)));
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    [Fact]
    public async Task A_comments_time_reads_minutes_ago_with_its_machine_date_and_the_full_date_on_hover()
    {
        var thread = TestSites.NewThread("details");
        using var api = fixture.CreateClient();
        var published = await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Timed."));
        var createdAt = published.GetProperty("createdAt").GetString()!;

        var page = await OpenAsync(TestSites.Open, thread, DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(3).AddSeconds(5));
        var time = page.Locator("li.comment time");
        await Assertions.Expect(time).ToHaveTextAsync("3 minutes ago");
        await Assertions.Expect(time).ToHaveAttributeAsync("datetime", createdAt);
        var title = await time.GetAttributeAsync("title");
        Assert.Matches(@"^\w+day, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?[AP]M$", title);

        var yesterday = await OpenAsync(TestSites.Open, thread, DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture).AddHours(26));
        await Assertions.Expect(yesterday.Locator("li.comment time")).ToHaveTextAsync("yesterday");
    }

    [Fact]
    public async Task Each_comment_has_an_initials_avatar_made_on_the_page_with_no_request_to_a_third_party()
    {
        var thread = TestSites.NewThread("details");
        using var api = fixture.CreateClient();
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("First.", "wendy writer"));
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Second.", "Ёлка"));
        var requests = new List<string>();
        var page = await fixture.NewPageAsync();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(_blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(fixture.Service.BaseAddress, TestSites.Open, thread)));
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

        var avatars = page.Locator("li.comment .avatar");
        await Assertions.Expect(avatars).ToHaveTextAsync(["WW", "Ё"]);
        await Assertions.Expect(avatars.First).ToHaveAttributeAsync("aria-hidden", "true");
        var hues = await avatars.EvaluateAllAsync<string[]>("els => els.map(e => e.style.getPropertyValue('--hue'))");
        Assert.All(hues, h => Assert.InRange(int.Parse(h), 0, 359));
        var origins = new[] { new Uri(_blog.Origin).Authority, fixture.Service.BaseAddress.Authority };
        Assert.All(requests, url => Assert.Contains(new Uri(url).Authority, origins));
    }

    [Fact]
    public async Task The_like_buttons_accessible_name_says_whose_comment_and_how_many_likes()
    {
        var thread = TestSites.NewThread("details");
        using var api = fixture.CreateClient();
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Like me.", "Lee Liked"));
        var page = await OpenAsync(TestSites.Open, thread);

        var like = page.GetByRole(AriaRole.Button, new() { Name = "Like comment by Lee Liked, 0 likes", Exact = true });
        await Assertions.Expect(like).ToBeVisibleAsync();
        await like.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Like comment by Lee Liked, 1 like", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Patience });
    }

    [Fact]
    public async Task Reply_is_offered_only_where_the_sites_maximum_depth_allows_one()
    {
        // t-shallow allows one level of replies: a top-level comment takes a reply, a reply takes none.
        var thread = TestSites.NewThread("details");
        using var api = fixture.CreateClient();
        var top = await api.PublishAsync(TestSites.Shallow, thread, TestApi.Reply("Top level."));
        await api.PublishAsync(TestSites.Shallow, thread, TestApi.Reply("At the deepest level.", parentId: top.GetProperty("id").GetString()));
        var page = await OpenAsync(TestSites.Shallow, thread);

        var topLi = page.Locator("li.comment", new() { HasTextString = "Top level." }).First;
        var deepLi = page.Locator("li.comment li.comment", new() { HasTextString = "At the deepest level." });
        await Assertions.Expect(deepLi).ToHaveCountAsync(1);
        await Assertions.Expect(topLi.Locator("> article button.reply")).ToHaveCountAsync(1);
        await Assertions.Expect(deepLi.Locator("button.reply")).ToHaveCountAsync(0);
        await Assertions.Expect(deepLi.Locator("button.like")).ToHaveCountAsync(1);

        // A reply to the top-level comment posted here arrives without a Reply of its own.
        await topLi.Locator("> article button.reply").ClickAsync();
        await page.FillAsync("#comment", "Another deepest reply.");
        await page.FillAsync("#author", "Wendy Writer");
        await page.FillAsync("#email", "wendy@example.com");
        await page.ClickAsync("#submit");
        var mine = page.Locator("li.comment li.comment", new() { HasTextString = "Another deepest reply." });
        await Assertions.Expect(mine.Locator("button.like")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(mine.Locator("button.reply")).ToHaveCountAsync(0);
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
