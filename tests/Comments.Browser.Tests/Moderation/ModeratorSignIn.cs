using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Moderation;

/// <summary>Signing in on /moderate with a key and, when given, switching to a site and waiting for its queue.</summary>
public static class ModeratorSignIn
{
    public static async Task SignInAsync(this IPage page, string key, string? site = null, string path = "/moderate", string live = "live")
    {
        await page.GotoAsync(path);
        await page.FillAsync("#key", key);
        await page.PressAsync("#key", "Enter");
        await page.Locator("#live").Filter(new() { HasTextString = live }).WaitForAsync(new() { Timeout = BrowserFixture.Patience });
        if (site is null) return;
        await page.SelectOptionAsync("#site", site);
        await page.Locator($"#queue[data-site='{site}']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = BrowserFixture.Patience });
    }
}
