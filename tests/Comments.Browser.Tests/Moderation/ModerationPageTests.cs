using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Moderation;

/// <summary>The moderator page in a real chromium against the real service.</summary>
public sealed class ModerationPageTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const float Patience = BrowserFixture.Patience;

    [Fact]
    public async Task A_moderator_signs_in_sees_a_held_comment_arrive_live_and_approves_it_with_the_keyboard()
    {
        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors);
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread("browser");

        await page.SignInAsync(TestModerators.OpenKey);
        await Assertions.Expect(page.Locator("#tabs [data-queue=pending]")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#bulk")).ToBeHiddenAsync();

        // Select the pre-moderated site, where everything is held.
        await page.SelectOptionAsync("#site", TestSites.Premoderated);
        await page.Locator($"#queue[data-site='{TestSites.Premoderated}'][data-queue='pending']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });

        using var posted = await reader.PostAsync(TestSites.Premoderated, thread,
            TestApi.Reply("Is this *really* true? Held for a moderator.", "Rita Reader", "rita@example.com"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        // A reader following the thread on the readers' hub.
        await using var follower = await ReaderStream.ConnectAsync(
            fixture.Service.BaseAddress, TestSites.Premoderated, thread);

        var card = page.Locator($".card[data-id='{id}']");
        await card.WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(card.Locator(".author")).ToHaveTextAsync("Rita Reader");
        await Assertions.Expect(card.Locator(".email")).ToHaveTextAsync("rita@example.com");
        await Assertions.Expect(card.Locator(".body em")).ToHaveTextAsync("really");
        await Assertions.Expect(card.Locator(".reasons li")).ToContainTextAsync(["site.pre_moderation"]);

        var shot = Path.Combine(BrowserFixture.ArtifactsDir, "moderation-queue.png");
        var png = await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.Equal(1280, PngImage.Size(png).Width);
        await PngImage.AssertVisibleAsync(page, card);

        // Keyboard: move to the new card (j until it has focus), then approve it with 'a'.
        for (var i = 0; i < 50 && !await card.EvaluateAsync<bool>("el => el.classList.contains('focused')"); i++)
            await page.Keyboard.PressAsync("j");
        await Assertions.Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("focused"));
        await page.Keyboard.PressAsync("a");
        await card.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Patience });

        var live = await follower.WaitAsync("commentPublished", id);
        Assert.Equal("Rita Reader", live.GetProperty("authorName").GetString());

        // The card leaves only after the API answered, so readers see the comment now.
        var readerPage = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Premoderated, thread));
        var published = Assert.Single(readerPage.GetProperty("comments").EnumerateArray());
        Assert.Equal(id, published.GetProperty("id").GetString());
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_moderator_searches_the_queue_reads_the_reasons_in_words_and_narrows_to_one_article()
    {
        var errors = new List<string>();
        var page = await fixture.NewPageAsync(errors);
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread("search");
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];

        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated);

        using var wanted = await reader.PostAsync(TestSites.Premoderated, thread, new
        {
            text = $"Is {word} the right word here?", authorName = "Sam Searcher", authorEmail = "sam@example.com",
            threadTitle = "The bridge, explained", threadUrl = "http://localhost:8080/2026/bridge",
        });
        Assert.Equal(HttpStatusCode.Accepted, wanted.StatusCode);
        var id = (await wanted.JsonAsync()).GetProperty("id").GetString()!;
        using var other = await reader.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("An unrelated remark on the same article"));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        var otherId = (await other.JsonAsync()).GetProperty("id").GetString()!;
        using var elsewhere = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("search"), TestApi.Reply("A remark under another article"));
        var elsewhereId = (await elsewhere.JsonAsync()).GetProperty("id").GetString()!;
        await page.Locator($".card[data-id='{elsewhereId}']").WaitForAsync(new() { Timeout = Patience });

        await page.FillAsync("#filter-q", word);
        await page.PressAsync("#filter-q", "Enter");
        var card = page.Locator($".card[data-id='{id}']");
        await Assertions.Expect(page.Locator(".card")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(card.Locator(".article")).ToHaveTextAsync("The bridge, explained");
        await Assertions.Expect(card.Locator(".article")).ToHaveAttributeAsync("href", "http://localhost:8080/2026/bridge");
        await Assertions.Expect(card.Locator(".reasons li .why")).ToHaveTextAsync(["Every comment on this site waits for a moderator."]);

        // Narrow to the card's article, then drop the words: both comments of that article, nothing else.
        await card.Locator("[data-only-article]").ClickAsync();
        await Assertions.Expect(page.Locator("#filter-article")).ToContainTextAsync("The bridge, explained");
        await page.FillAsync("#filter-q", "");
        await page.PressAsync("#filter-q", "Enter");
        await Assertions.Expect(page.Locator(".card")).ToHaveCountAsync(2, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($".card[data-id='{otherId}']")).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_queue_load_that_fails_is_shown_and_tried_again_until_the_list_answers_the_filter()
    {
        var page = await fixture.NewPageAsync();
        using var reader = fixture.CreateClient();
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated);
        using var wanted = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("retry"), TestApi.Reply($"Is {word} held?"));
        var id = (await wanted.JsonAsync()).GetProperty("id").GetString()!;
        using var other = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("retry"), TestApi.Reply("Another held remark."));
        var otherId = (await other.JsonAsync()).GetProperty("id").GetString()!;
        await page.Locator($".card[data-id='{otherId}']").WaitForAsync(new() { Timeout = Patience });

        // The store times out on the first search: the service answers 503, as it does when the store is away.
        var failed = 0;
        await page.RouteAsync(new System.Text.RegularExpressions.Regex($"/queue/pending\\?.*q={word}"), async route =>
        {
            if (Interlocked.Increment(ref failed) == 1)
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"title":"The store is not answering"}""" });
            else
                await route.ContinueAsync();
        });
        await page.FillAsync("#filter-q", word);
        await page.PressAsync("#filter-q", "Enter");

        await Assertions.Expect(page.Locator("#queue-error")).ToContainTextAsync("Could not load the queue (The store is not answering)", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator(".card")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($".card[data-id='{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#queue-error")).ToBeHiddenAsync();
        Assert.Equal(2, Volatile.Read(ref failed));
    }

    [Fact]
    public async Task An_admin_opens_the_numbers_and_sees_the_days_plotted_with_the_moderators_agreement()
    {
        var errors = new List<string>();
        using var reader = fixture.CreateClient();
        var held = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("numbers"), TestApi.Reply("Counted in the numbers."));
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        // The day's counts reach the store within a second of the event (StatsFlusher): the chart is drawn from them,
        // so wait until the hold is counted (a deadline, no fixed sleep) before the page reads them.
        using var admin = fixture.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.AdminKey);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var numbers = await admin.GetJsonAsync($"/api/moderation/sites/{TestSites.Premoderated}/stats?days=1");
            if (numbers.GetProperty("perDay")[0].GetProperty("pending").GetInt64() >= 1) break;
            await Task.Delay(100, Ct);
        }
        var moderatorPage = await fixture.NewPageAsync();
        await moderatorPage.SignInAsync(TestModerators.OpenKey);
        await Assertions.Expect(moderatorPage.Locator("#numbers-button")).ToBeHiddenAsync();

        var page = await fixture.NewPageAsync(errors);
        await page.SignInAsync(TestModerators.AdminKey, site: TestSites.Premoderated);
        await page.ClickAsync("#numbers-button");

        await Assertions.Expect(page.Locator("#numbers")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#numbers-chart rect.pending").CountAsync() >= 1, "no held bar for today");
        await Assertions.Expect(page.Locator("#numbers-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Comments per day"));
        await Assertions.Expect(page.Locator("#numbers-held")).ToContainTextAsync("held now");
        await Axe.AssertNoSeriousViolationsAsync(page, null, "/moderate numbers");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "moderate-numbers.png") });
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_sign_in_form()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/moderate");
        await page.FillAsync("#key", "mk_not_a_real_key");
        await page.PressAsync("#key", "Enter");

        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("That key is not valid.");
        await Assertions.Expect(page.Locator("#tabs")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Rejecting_with_r_and_a_reason_number_moves_the_comment_to_the_rejected_tab()
    {
        var page = await fixture.NewPageAsync();
        using var reader = fixture.CreateClient();
        using var posted = await reader.PostAsync(TestSites.Premoderated, TestSites.NewThread("browser"),
            TestApi.Reply("Off topic rambling about trains", "Tom", "tom@example.com"));
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;

        await page.SignInAsync(TestModerators.OpenKey, site: TestSites.Premoderated);
        var card = page.Locator($".card[data-id='{id}']");
        await card.ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("r");
        await page.Keyboard.PressAsync("4");
        await card.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Patience });

        await page.Keyboard.PressAsync("5");
        await page.Locator($".card[data-id='{id}']").WaitForAsync(new() { Timeout = Patience });
        using var moderator = fixture.CreateClient();
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        var audit = await moderator.GetJsonAsync($"/api/moderation/sites/{TestSites.Premoderated}/audit?comment={id}");
        Assert.Equal("off-topic", audit.GetProperty("entries")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Pressing_p_on_a_published_comment_pins_it_for_readers()
    {
        var page = await fixture.NewPageAsync();
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread("browser");
        var comment = await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("The best answer here", "Paula", "paula@example.com"));
        var id = comment.GetProperty("id").GetString()!;

        await page.SignInAsync(TestModerators.OpenKey);
        await page.SelectOptionAsync("#site", TestSites.Open);
        await page.Keyboard.PressAsync("4");
        await page.Locator($"#queue[data-site='{TestSites.Open}'][data-queue='published']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var card = page.Locator($".card[data-id='{id}']");
        await card.ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("p");
        await Assertions.Expect(card.Locator("[data-act=pin]")).ToContainTextAsync("Unpin");

        var shown = await reader.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.True(shown.GetProperty("pinned").GetBoolean());
    }

    [Fact]
    public async Task A_moderator_sees_the_bans_in_force_and_lifts_one_from_the_page()
    {
        var errors = new List<string>();
        var email = $"banned-{Guid.NewGuid():N}@example.com";
        using var moderator = fixture.CreateClient();
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        var bans = $"/api/moderation/sites/{TestSites.Premoderated}/bans";
        using (var ban = await moderator.PostAsJsonAsync(bans, new { kind = "email", value = email, reason = "from the browser test" }, Ct))
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);

        var page = await fixture.NewPageAsync(errors);
        await page.GotoAsync("/moderate");
        await page.FillAsync("#key", TestModerators.OpenKey);
        await page.PressAsync("#key", "Enter");
        await page.SelectOptionAsync("#site", TestSites.Premoderated);
        await page.Locator($"#queue[data-site='{TestSites.Premoderated}']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await page.ClickAsync("#bans-button");

        var row = page.Locator("#bans tbody tr", new() { HasTextString = "from the browser test" });
        await Assertions.Expect(row).ToContainTextAsync("b***@example.com", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#bans")).Not.ToContainTextAsync(email);
        await row.GetByRole(AriaRole.Button, new() { Name = "Lift" }).ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Patience });

        using var after = await moderator.GetAsync(bans, Ct);
        var listed = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("bans");
        Assert.DoesNotContain(listed.EnumerateArray(), b => b.GetProperty("reason").GetString() == "from the browser test");
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }
}
