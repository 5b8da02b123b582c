using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Demo;

/// <summary>The page a newcomer sees at <c>/</c>: an article on the shipped <c>demo</c> site with the widget.</summary>
public sealed class DemoPageTests(BrowserFixture fixture)
{
    private const float Patience = BrowserFixture.Patience;

    [Fact]
    public async Task The_demo_article_at_the_root_takes_a_comment_through_the_widget_and_shows_it()
    {
        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors);
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, world");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "/moderate" })).ToHaveAttributeAsync("href", "/moderate");
        await Assertions.Expect(page.Locator("aside")).ToContainTextAsync("add-moderator");
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

        var text = $"A first comment on the demo, number {Guid.NewGuid():N}.";
        await page.FillAsync("#comment", text);
        await page.FillAsync("#author", "Nina Newcomer");
        await page.FillAsync("#email", "nina@example.com");
        await page.ClickAsync("#submit");

        var comment = page.Locator("li.comment", new() { HasTextString = text });
        await Assertions.Expect(comment.Locator(".author")).ToHaveTextAsync("Nina Newcomer", new() { Timeout = Patience });
        await Assertions.Expect(comment.Locator(".awaiting")).ToHaveCountAsync(0);
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }
}
