using System.Net;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.WordPress;

/// <summary>The WordPress plugin (integrations/wordpress) on a real WordPress, in a real Chromium.</summary>
public sealed class WordPressPluginTests(BrowserFixture fixture)
{
    private const float Patience = BrowserFixture.Patience;

    [Fact]
    public async Task On_a_real_wordpress_the_plugin_replaces_the_comment_section_and_a_comment_posted_there_is_seen_on_a_second_page()
    {
        await using var blog = await WordPressBlog.StartAsync(fixture.Service.BaseAddress, TestSites.Open);
        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors);
        await page.GotoAsync(blog.PostUrl);
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        // The theme's own "Leave a Reply" form is gone from the page (the widget's form lives in its shadow root).
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('#commentform, .comment-respond, .wp-block-post-comments-form').length"));

        var text = $"Posted on WordPress through the plugin, {Guid.NewGuid():N}.";
        await page.FillAsync("#comment", text);
        await page.FillAsync("#author", "Wanda WordPress");
        await page.FillAsync("#email", "wanda@example.com");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("li.comment", new() { HasTextString = text }).Locator(".author"))
            .ToHaveTextAsync("Wanda WordPress", new() { Timeout = Patience });

        var second = await fixture.NewPageAsync();
        await second.GotoAsync(blog.PostUrl);
        await Assertions.Expect(second.Locator("li.comment", new() { HasTextString = text }).Locator(".author"))
            .ToHaveTextAsync("Wanda WordPress", new() { Timeout = Patience });

        // The thread is the permalink's path, as the WordPress importer names it, so imported comments show here.
        using var api = fixture.CreateClient();
        var listed = await api.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, "hello-from-wordpress"));
        Assert.Contains(listed.GetProperty("comments").EnumerateArray(), c => c.GetProperty("html").GetString()!.Contains(text));

        // WordPress's own form handler refuses while the plugin is on, so bots cannot go around moderation.
        using var wp = new HttpClient();
        using var direct = await wp.PostAsync(new Uri(new Uri(blog.PostUrl), "/wp-comments-post.php"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["comment_post_ID"] = "1", ["comment"] = "around", ["author"] = "Bot", ["email"] = "bot@example.com" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }
}
