using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>The widget speaks the page's language (or the script's data-lang), right to left in Arabic.</summary>
public sealed class WidgetLanguageTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenAsync(string thread, string lang, string scriptAttributes = "", List<string>? errors = null)
    {
        var page = await fixture.NewPageAsync(errors);
        var html = HostSite.Article(fixture.Service.BaseAddress, TestSites.Open, thread, lang: lang, scriptAttributes: scriptAttributes);
        await page.GotoAsync(_blog.Publish($"/{thread}/{Guid.NewGuid():N}", html));
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    [Fact]
    public async Task On_an_Arabic_page_the_widget_is_in_Arabic_right_to_left_with_no_serious_axe_violations()
    {
        var errors = new List<string>();
        var thread = TestSites.NewThread("lang");
        using var api = fixture.CreateClient();
        var first = await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("مرحبا بالجميع", "سارة"));
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("أهلا سارة", "علي", parentId: first.GetProperty("id").GetString()));

        var page = await OpenAsync(thread, "ar", errors: errors);
        Assert.Equal("ar", await page.Locator("#comments-widget").GetAttributeAsync("data-lang"));
        var section = page.Locator("section.comments");
        await Assertions.Expect(section).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(section).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("تعليقان");
        await Assertions.Expect(page.Locator("#submit")).ToHaveTextAsync("نشر التعليق");
        await Assertions.Expect(page.Locator("li.comment time").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(الآن|قبل .+)$"));

        // Right to left: the reply's thread line is on its right, the form's text starts on the right.
        var nested = page.Locator("ol.children").First;
        Assert.Equal("2px", await nested.EvaluateAsync<string>("e => getComputedStyle(e).borderRightWidth"));
        Assert.Equal("0px", await nested.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftWidth"));
        var (reply, parent) = (await page.Locator("li.comment li.comment > article").BoundingBoxAsync(), await page.Locator("li.comment > article").First.BoundingBoxAsync());
        Assert.True(reply!.X + reply.Width < parent!.X + parent.Width - 10, "the reply is indented from the right");

        // The form's own checks speak Arabic too.
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#comment-error")).ToHaveTextAsync("اكتب تعليقًا.");
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the Arabic (RTL) widget");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-rtl-ar.png"), FullPage = true });
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task The_scripts_data_lang_wins_over_the_page_server_refusals_are_translated_and_an_unknown_language_falls_back_to_English()
    {
        var thread = TestSites.NewThread("lang");
        var german = await OpenAsync(thread, "en", "data-lang=\"de-AT\"");
        await Assertions.Expect(german.Locator("#comments-title")).ToHaveTextAsync("Noch keine Kommentare");
        await Assertions.Expect(german.Locator("section.comments")).ToHaveAttributeAsync("dir", "ltr");
        await german.FillAsync("#comment", "Servus!");
        await german.FillAsync("#author", "Wendy Writer");
        await german.FillAsync("#email", "wendy@example");
        await german.ClickAsync("#submit");
        await Assertions.Expect(german.Locator("#email-error")).ToHaveTextAsync("Gib eine gültige E-Mail-Adresse ein.");
        await german.FillAsync("#email", "wendy@example.com");
        await german.ClickAsync("#submit");
        await Assertions.Expect(german.Locator("#comments-title")).ToHaveTextAsync("Ein Kommentar", new() { Timeout = Patience });
        await Assertions.Expect(german.GetByRole(AriaRole.Button, new() { Name = "Kommentar von Wendy Writer gefällt mir, 0 Likes" })).ToBeVisibleAsync();

        // A refusal from the server (409 comment.duplicate) is said in German too, by its code.
        await german.FillAsync("#comment", "Servus!");
        await german.ClickAsync("#submit");
        await Assertions.Expect(german.Locator("#comment-error")).ToHaveTextAsync("Dieser Kommentar wurde bereits gesendet.", new() { Timeout = Patience });

        var unknown = await OpenAsync(thread, "tlh");
        await Assertions.Expect(unknown.Locator("#comments-title")).ToHaveTextAsync("One comment");
        Assert.Equal("en", await unknown.Locator("#comments-widget").GetAttributeAsync("data-lang"));
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
