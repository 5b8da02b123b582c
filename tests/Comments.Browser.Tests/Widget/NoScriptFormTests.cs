using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>The no-JavaScript fallback: a plain HTML form, in a browser with JavaScript turned off.</summary>
public sealed class NoScriptFormTests(BrowserFixture fixture) : IAsyncDisposable
{
    private readonly HostSite _blog = new();

    private string PublishFormPage(string site, string thread)
    {
        var path = $"/posts/{thread}";
        var action = $"{fixture.Service.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/sites/{site}/threads/{thread}/comments/form";
        return _blog.Publish(path, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>No script</title></head><body>
            <h1>An article</h1>
            <form action="{{action}}" method="post">
              <p><label for="comment">Comment *</label><textarea id="comment" name="comment" required></textarea></p>
              <p><label for="author">Name *</label><input id="author" name="author" required></p>
              <p><label for="email">Email *</label><input id="email" name="email" type="email" required></p>
              <p><label for="url">Website</label><input id="url" name="url" type="url"></p>
              <input type="hidden" name="comment_parent" value="0">
              <input type="hidden" name="redirect_to" value="{{_blog.Origin}}{{path}}">
              <p><input type="submit" id="submit" value="Post Comment"></p>
            </form></body></html>
            """);
    }

    private async Task<IPage> NoScriptPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task The_plain_form_posts_and_the_browser_lands_back_on_the_article_at_the_new_comment()
    {
        var thread = TestSites.NewThread("nojs");
        var url = PublishFormPage(TestSites.Open, thread);
        var page = await NoScriptPageAsync();
        await page.GotoAsync(url);

        await page.FillAsync("#comment", "No JavaScript needed.");
        await page.FillAsync("#author", "Nora Noscript");
        await page.FillAsync("#email", "nora@example.com");
        await page.ClickAsync("#submit");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#comment-[0-9]+$"), new() { Timeout = BrowserFixture.Patience });
        Assert.StartsWith(url + "#comment-", page.Url);
        using var api = fixture.CreateClient();
        var listed = await api.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        var comment = Assert.Single(listed.GetProperty("comments").EnumerateArray());
        Assert.EndsWith("#comment-" + comment.GetProperty("id").GetString(), page.Url);
    }

    [Fact]
    public async Task A_held_plain_form_post_lands_back_on_the_article_with_the_pending_marker()
    {
        var thread = TestSites.NewThread("nojs");
        var url = PublishFormPage(TestSites.Premoderated, thread);
        var page = await NoScriptPageAsync();
        await page.GotoAsync(url);

        await page.FillAsync("#comment", "Held, and no JavaScript.");
        await page.FillAsync("#author", "Nora Noscript");
        await page.FillAsync("#email", "nora@example.com");
        await page.ClickAsync("#submit");

        await page.WaitForURLAsync(url + "#comment-pending", new() { Timeout = BrowserFixture.Patience });
    }

    [Fact]
    public async Task A_refused_plain_form_post_comes_back_as_a_page_in_the_readers_language_with_the_text_kept_and_posts_again()
    {
        var thread = TestSites.NewThread("nojs");
        var url = PublishFormPage(TestSites.Open, thread);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        await page.FillAsync("#comment", "Un long commentaire, écrit avec soin, que je ne veux pas perdre.");
        await page.FillAsync("#email", "nora@example.com");
        await page.EvaluateAsync("() => document.getElementById('author').removeAttribute('required')");
        await page.ClickAsync("#submit");

        await page.Locator("ul.errors li").First.WaitForAsync(new() { Timeout = BrowserFixture.Patience });
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("ul.errors li")).ToHaveTextAsync(["Le nom est obligatoire."]);
        await Assertions.Expect(page.Locator("#comment")).ToHaveValueAsync("Un long commentaire, écrit avec soin, que je ne veux pas perdre.");
        await Assertions.Expect(page.Locator("#author")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "nojs-error-fr.png"), FullPage = true });

        await page.FillAsync("#author", "Nora Noscript");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#comment-[0-9]+$"), new() { Timeout = BrowserFixture.Patience });
        Assert.StartsWith(url + "#comment-", page.Url);
        await context.CloseAsync();
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
