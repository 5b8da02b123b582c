using System.Net;
using System.Text.Json;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Moderation;

/// <summary>The moderator page on a 375 px phone and on a desktop (axe), and its connection coming back by itself.</summary>
public sealed class ModerationPhoneTests(BrowserFixture fixture)
{
    private const float Patience = BrowserFixture.Patience;

    private async Task<string> HoldAsync(string text)
    {
        using var reader = fixture.CreateClient();
        using var posted = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("phone"), TestApi.Reply(text, "Rita Reader", "rita@example.com"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        return (await posted.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>Every visible control in the bar, the bulk bar and the cards: its box, for the 44 px check.</summary>
    private static async Task<string[]> SmallTargetsAsync(IPage page) =>
        JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('.bar button, .bar select, .bulk button, .card button, .card .pick-area')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([, r]) => r.width < 44 || r.height < 44)
              .map(([e, r]) => (e.dataset.act || e.dataset.queue || e.dataset.bulk || e.id || e.className) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)))
            """))!;

    [Fact]
    public async Task At_375_pixels_tabs_cards_and_actions_fit_with_44_pixel_targets_and_no_serious_axe_violations()
    {
        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors, width: 375, height: 812);
        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated);
        var id = await HoldAsync("A phone-sized look at a held comment, with enough words to wrap over several lines on a narrow screen.");
        var card = page.Locator($".card[data-id='{id}']");
        await card.WaitForAsync(new() { Timeout = Patience });
        await card.Locator(".pick-area").ClickAsync();
        await Assertions.Expect(page.Locator("#bulk")).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".pick")).ToBeCheckedAsync();

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 375px");
        foreach (var tab in await page.Locator("#tabs button").AllAsync())
        {
            var box = (await tab.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"tab {await tab.GetAttributeAsync("data-queue")} is off-screen at x={box.X}, width {box.Width}");
        }
        foreach (var action in await card.Locator(".actions button:visible").AllAsync())
        {
            var box = (await action.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"action {await action.GetAttributeAsync("data-act")} is off-screen");
        }
        var small = await SmallTargetsAsync(page);
        Assert.True(small.Length == 0, "touch targets under 44 px: " + string.Join(", ", small));
        await Axe.AssertNoSeriousViolationsAsync(page, null, "/moderate at 375 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "moderate-phone.png"), FullPage = true });

        // The keyboard help fits too.
        await page.ClickAsync("#help-button");
        var help = (await page.Locator("#help").BoundingBoxAsync())!;
        Assert.True(help.X >= 0 && help.X + help.Width <= 375, "the keyboard help is wider than the phone");
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task The_page_speaks_the_browsers_language_and_arabic_reads_right_to_left_with_no_serious_axe_violations()
    {
        var context = await fixture.Browser.NewContextAsync(new() { Locale = "de-DE", BaseURL = fixture.Service.BaseAddress.ToString() });
        var german = await context.NewPageAsync();
        await german.GotoAsync("/moderate");
        await Assertions.Expect(german.Locator("label[for=key]")).ToHaveTextAsync("Moderationsschlüssel");
        await german.FillAsync("#key", TestModerators.OpenKey);
        await german.PressAsync("#key", "Enter");
        await german.Locator("#live").Filter(new() { HasTextString = "live" }).WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(german.Locator("#tabs [data-queue=pending] span").First).ToHaveTextAsync("ausstehend ");
        Assert.Equal("de", await german.GetAttributeAsync("html", "lang"));
        await context.CloseAsync();

        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors);
        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated, path: "/moderate?lang=ar", live: "مباشر");
        var id = await HoldAsync("تعليق ينتظر المشرف.");
        var card = page.Locator($".card[data-id='{id}']");
        await card.WaitForAsync(new() { Timeout = Patience });
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(card.Locator("[data-act=approve] span")).ToHaveTextAsync("قبول");
        await Assertions.Expect(page.Locator("#filter-q")).ToHaveAttributeAsync("placeholder", "النص أو الاسم أو البريد");
        await Axe.AssertNoSeriousViolationsAsync(page, null, "/moderate in Arabic");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "moderate-ar.png"), FullPage = true });
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task On_a_desktop_the_page_has_no_serious_axe_violations()
    {
        var page = await fixture.NewPageAsync(width: 1280, height: 900);
        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated);
        var id = await HoldAsync("A desktop look at a held comment.");
        await page.Locator($".card[data-id='{id}']").WaitForAsync(new() { Timeout = Patience });
        // One row: no tab or button of the bar wraps its label onto a second line.
        var wrapped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#tabs button, .bar > button')].filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 40).map(e => e.textContent)
            """);
        Assert.True(wrapped.Length == 0, "bar labels on two lines at 1280 px: " + string.Join(", ", wrapped));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways at 1280px");
        await Axe.AssertNoSeriousViolationsAsync(page, null, "/moderate on a desktop");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "moderate-desktop.png") });
    }

    [Fact]
    public async Task After_its_connection_closes_the_page_reconnects_by_itself_and_shows_what_arrived_meanwhile()
    {
        // The page reaches the service through a relay that can cut every connection and refuse new ones.
        await using var relay = new TcpRelay(fixture.Service.BaseAddress.Port);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated, path: new Uri(relay.BaseAddress, "/moderate").ToString());

        relay.Sever();
        // The client's own retries (0, 1, 2, 5 s) fail while the network is down, and the connection closes.
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("offline", new() { Timeout = Patience });
        var id = await HoldAsync("Held while the moderator was offline.");
        relay.Restore();

        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^live"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($".card[data-id='{id}'] .body")).ToHaveTextAsync("Held while the moderator was offline.", new() { Timeout = Patience });

        // Live again: the next held comment arrives without a reload.
        var next = await HoldAsync("Held after the page came back.");
        await Assertions.Expect(page.Locator($".card[data-id='{next}']")).ToHaveCountAsync(1, new() { Timeout = Patience });
    }
}
