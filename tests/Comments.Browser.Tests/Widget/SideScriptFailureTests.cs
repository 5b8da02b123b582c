using System.Text.RegularExpressions;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// The widget and the sign-up box when one of the service's side scripts (theme.js, a language file) does not load,
/// as from a stale CDN, a blocking proxy or a network blip: each try is retried after 0.5, 2 and 5 s; without
/// theme.js the box is drawn in the plain built-in theme, without any strings the widget says so with a Retry button.
/// </summary>
public sealed partial class SideScriptFailureTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private const string RealText = "rgb(30, 30, 30)"; // theme.js's light --c-text
    private const string PlainText = "rgb(0, 0, 0)";   // CanvasText in a light colour scheme
    private readonly HostSite _blog = new();

    [GeneratedRegex(@"/theme\.js(\?|$)")]
    private static partial Regex ThemeJs();

    [GeneratedRegex(@"/lang/[a-z]+\.js(\?|$)")]
    private static partial Regex LangJs();

    private async Task<IPage> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        return page;
    }

    private string Article(string thread, string css = "") =>
        _blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(fixture.Service.BaseAddress, TestSites.Open, thread, css));

    private static Task WidgetReadyAsync(IPage page) =>
        page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

    private static Task<string> StyleAsync(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    [Fact]
    public async Task A_theme_js_that_always_answers_404_is_tried_four_times_and_the_widget_draws_in_a_plain_readable_theme_and_takes_a_comment()
    {
        var tries = 0;
        var page = await NewPageAsync();
        await page.RouteAsync(ThemeJs(), route =>
        {
            Interlocked.Increment(ref tries);
            return route.FulfillAsync(new() { Status = 404, ContentType = "text/plain", Body = "stale CDN" });
        });
        var thread = TestSites.NewThread("sidefail");
        await page.GotoAsync(Article(thread, ":root{--comments-accent:#5b2a86;--comments-on-accent:#fff}"));
        await WidgetReadyAsync(page);

        Assert.Equal(4, Volatile.Read(ref tries));
        Assert.Equal(PlainText, await StyleAsync(page, "#comments-title", "color"));
        Assert.Equal("rgb(91, 42, 134)", await StyleAsync(page, "#submit", "backgroundColor")); // the host's --comments-* still apply
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the widget in the plain theme");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-plain-light.png"), FullPage = true });

        // A reader whose system is dark gets the dark system colours, as readable.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.Equal("rgb(255, 255, 255)", await StyleAsync(page, "#comments-title", "color"));
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the widget in the plain theme, dark");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-plain-dark.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await page.FillAsync("#comment", "Posted without theme.js.");
        await page.FillAsync("#author", "Pat Plain");
        await page.FillAsync("#email", "pat@example.com");
        await page.ClickAsync("#submit");
        var comment = page.Locator("li.comment", new() { HasTextString = "Posted without theme.js." });
        await Assertions.Expect(comment.Locator(".author")).ToHaveTextAsync("Pat Plain", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("One comment");
        await Assertions.Expect(page.Locator("#comments-widget")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_theme_js_that_fails_once_with_503_is_tried_again_and_the_widget_draws_in_the_real_theme()
    {
        var tries = 0;
        var page = await NewPageAsync();
        await page.RouteAsync(ThemeJs(), route => Interlocked.Increment(ref tries) == 1
            ? route.FulfillAsync(new() { Status = 503, ContentType = "text/plain", Body = "busy" })
            : route.ContinueAsync());
        await page.GotoAsync(Article(TestSites.NewThread("sidefail")));
        await WidgetReadyAsync(page);

        Assert.Equal(2, Volatile.Read(ref tries));
        Assert.Equal(RealText, await StyleAsync(page, "#comments-title", "color"));
        await Assertions.Expect(page.Locator("#comments-widget")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#commentform")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_theme_js_that_does_not_answer_is_asked_again_after_10_s_and_its_late_answer_draws_nothing_twice()
    {
        var tries = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await NewPageAsync();
        await page.RouteAsync(ThemeJs(), async route =>
        {
            if (Interlocked.Increment(ref tries) == 1) await release.Task; // the first answer hangs until the widget is drawn
            await route.ContinueAsync();
        });
        // The held script holds the page's load event too: wait for the document only.
        await page.GotoAsync(Article(TestSites.NewThread("sidefail")), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await WidgetReadyAsync(page);
        Assert.Equal(RealText, await StyleAsync(page, "#comments-title", "color"));

        // The late answer arrives: its script runs and its load event fires (counted after the widget's own handler).
        await page.EvaluateAsync("""
            () => document.addEventListener('load', e => {
              if (e.target.src && e.target.src.includes('/theme.js')) setTimeout(() => window.lateTheme = (window.lateTheme || 0) + 1);
            }, true)
            """);
        release.SetResult();
        await page.WaitForFunctionAsync("() => window.lateTheme === 1", null, new() { Timeout = Patience });

        Assert.Equal(2, Volatile.Read(ref tries));
        await Assertions.Expect(page.Locator("#comments-widget")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#commentform")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
    }

    [Fact]
    public async Task Without_any_language_file_the_widget_says_it_could_not_load_and_its_retry_button_draws_it_once_they_answer()
    {
        var tries = 0;
        var failing = true;
        var page = await NewPageAsync();
        await page.RouteAsync(LangJs(), route =>
        {
            Interlocked.Increment(ref tries);
            return Volatile.Read(ref failing)
                ? route.FulfillAsync(new() { Status = 404, ContentType = "text/plain", Body = "blocked" })
                : route.ContinueAsync();
        });
        await page.GotoAsync(Article(TestSites.NewThread("sidefail")));

        var line = page.Locator("#comments-widget #unavailable");
        await Assertions.Expect(line).ToContainTextAsync("Comments could not be loaded.", new() { Timeout = Patience });
        Assert.Equal(4, Volatile.Read(ref tries)); // en.js, tried four times
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the could-not-load line");

        Volatile.Write(ref failing, false);
        await line.Locator("button").ClickAsync();
        await WidgetReadyAsync(page);
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
        await Assertions.Expect(page.Locator("#comments-widget #unavailable")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#comments-widget")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_sign_up_box_draws_in_the_plain_theme_when_theme_js_cannot_be_had()
    {
        var page = await NewPageAsync();
        await page.RouteAsync(ThemeJs(), route => route.FulfillAsync(new() { Status = 404, ContentType = "text/plain", Body = "stale CDN" }));
        var html = $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>A photo blog</title></head>
            <body><main><h1>A photo blog</h1>
            <script src="{{fixture.Service.BaseAddress.GetLeftPart(UriPartial.Authority)}}/signup.js" data-site="{{TestSites.Open}}" async></script>
            </main></body></html>
            """;
        await page.GotoAsync(_blog.Publish($"/signup/{Guid.NewGuid():N}", html));
        var box = page.Locator(".comments-signup[data-ready=true]");
        await box.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

        await Assertions.Expect(box.Locator("#email")).ToBeVisibleAsync();
        Assert.Equal(PlainText, await StyleAsync(page, ".comments-signup h2", "color"));
        await Axe.AssertNoSeriousViolationsAsync(page, ".comments-signup", "the sign-up box in the plain theme");
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
