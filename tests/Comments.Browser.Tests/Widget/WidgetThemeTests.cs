using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>The widget's colours come from custom properties: a light and a dark theme, each readable (axe), and the host page's own.</summary>
public sealed class WidgetThemeTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<string> ThreadWithRepliesAsync()
    {
        var thread = TestSites.NewThread("theme");
        using var api = fixture.CreateClient();
        var first = await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("A *readable* comment with [a link](https://example.com).", "Alice Archer", "alice@example.com", "https://alice.example"));
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("A reply under it.", "Bob Baker", "bob@example.com", parentId: first.GetProperty("id").GetString()));
        return thread;
    }

    private async Task<IPage> OpenAsync(string thread, string html, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await fixture.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = scheme });
        await page.GotoAsync(_blog.Publish($"/{thread}/{Guid.NewGuid():N}", html));
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(page.Locator("li.comment li.comment .author")).ToHaveTextAsync("Bob Baker");
        return page;
    }

    private string Article(string thread, string css = "", string htmlAttributes = "") =>
        HostSite.Article(fixture.Service.BaseAddress, TestSites.Open, thread, css).Replace("<html lang=\"en\">", $"<html lang=\"en\" {htmlAttributes}>", StringComparison.Ordinal);

    private static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    [Fact]
    public async Task The_light_theme_on_a_white_page_has_no_serious_axe_violations_and_inherits_the_pages_font()
    {
        var thread = await ThreadWithRepliesAsync();
        var page = await OpenAsync(thread, Article(thread, "body{font-family:Georgia,serif;background:#fff}"));
        Assert.Equal("rgb(30, 30, 30)", await StyleAsync(page, "#comments-title", "color"));
        Assert.Contains("Georgia", await StyleAsync(page, "#comment", "fontFamily"), StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the light widget");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-light.png"), FullPage = true });
    }

    [Fact]
    public async Task A_dark_page_with_data_theme_dark_gets_light_text_on_dark_with_no_serious_axe_violations()
    {
        var thread = await ThreadWithRepliesAsync();
        var page = await OpenAsync(thread, Article(thread, "body{background:#111;color:#eee}", "data-theme=\"dark\""));
        Assert.Equal("rgb(236, 236, 236)", await StyleAsync(page, "#comments-title", "color"));
        Assert.Equal("dark", await StyleAsync(page, "#comment", "colorScheme")); // the browser's own controls and scrollbars dark too
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the dark widget (data-theme)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-dark.png"), FullPage = true });

        // The page switching its theme back is followed at once.
        await page.EvaluateAsync("() => document.documentElement.dataset.theme = 'light'");
        await Assertions.Expect(page.Locator("#comments-widget")).ToHaveAttributeAsync("data-theme", "light");
        Assert.Equal("rgb(30, 30, 30)", await StyleAsync(page, "#comments-title", "color"));
    }

    [Fact]
    public async Task A_reader_whose_system_is_dark_gets_the_dark_theme_unless_the_page_says_light()
    {
        var thread = await ThreadWithRepliesAsync();
        var page = await OpenAsync(thread, Article(thread), ColorScheme.Dark);
        Assert.Equal("rgb(236, 236, 236)", await StyleAsync(page, "#comments-title", "color"));
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the dark widget (prefers-color-scheme)");

        var light = await OpenAsync(thread, Article(thread, htmlAttributes: "data-theme=\"light\""), ColorScheme.Dark);
        Assert.Equal("rgb(30, 30, 30)", await StyleAsync(light, "#comments-title", "color"));
    }

    [Fact]
    public async Task The_host_page_sets_the_widgets_colours_font_and_radius_with_custom_properties()
    {
        var thread = await ThreadWithRepliesAsync();
        const string css = ":root{--comments-accent:#5b2a86;--comments-on-accent:#fff;--comments-text:#102030;--comments-radius:0;--comments-font:monospace}";
        var page = await OpenAsync(thread, Article(thread, css));
        Assert.Equal("rgb(91, 42, 134)", await StyleAsync(page, "#submit", "backgroundColor"));
        Assert.Equal("rgb(16, 32, 48)", await StyleAsync(page, "#comments-title", "color"));
        Assert.Equal("0px", await StyleAsync(page, "#submit", "borderTopLeftRadius"));
        Assert.Equal("0px", await StyleAsync(page, "#comment", "borderTopLeftRadius"));
        Assert.Equal("monospace", await StyleAsync(page, "#comment", "fontFamily"));
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
