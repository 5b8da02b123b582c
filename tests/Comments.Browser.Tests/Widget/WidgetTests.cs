using System.Net.Http.Json;
using System.Net;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// The embed script in a real chromium, on a blog page served from another origin than the API.
/// Playwright's CSS locators pierce the widget's open shadow root.
/// </summary>
public sealed class WidgetTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenArticleAsync(string site, string thread, List<string>? errors = null, int width = 1280, string css = "")
    {
        var url = _blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(fixture.Service.BaseAddress, site, thread, css));
        var page = await fixture.NewPageAsync(errors, width);
        await page.GotoAsync(url);
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    private static async Task FillAsync(IPage page, string text, string name = "Wendy Writer", string email = "wendy@example.com", string url = "")
    {
        await page.FillAsync("#comment", text);
        await page.FillAsync("#author", name);
        await page.FillAsync("#email", email);
        await page.FillAsync("#url", url);
    }

    [Fact]
    public async Task A_clean_comment_posted_from_the_form_appears_in_the_thread_with_the_count()
    {
        var errors = new List<string>();
        var thread = TestSites.NewThread("widget");
        var page = await OpenArticleAsync(TestSites.Open, thread, errors);
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
        await Assertions.Expect(page.Locator("#respond")).ToContainTextAsync("Your email address will not be published. Required fields are marked *");

        await FillAsync(page, "What a **lovely** article.");
        await page.ClickAsync("#submit");

        var comment = page.Locator("li.comment", new() { HasTextString = "lovely article" });
        await Assertions.Expect(comment.Locator(".author")).ToHaveTextAsync("Wendy Writer", new() { Timeout = Patience });
        await Assertions.Expect(comment.Locator(".body strong")).ToHaveTextAsync("lovely");
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("One comment");
        await Assertions.Expect(page.Locator("#comment")).ToHaveValueAsync("");
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task A_held_comment_shows_awaiting_moderation_to_its_author_only_and_survives_a_reload()
    {
        var thread = TestSites.NewThread("widget");
        var author = await OpenArticleAsync(TestSites.Premoderated, thread);
        await FillAsync(author, "Held for a moderator, please.");
        await author.ClickAsync("#submit");

        var mine = author.Locator("li.comment.pending");
        await Assertions.Expect(mine.Locator(".awaiting")).ToHaveTextAsync("Your comment is awaiting moderation.", new() { Timeout = Patience });
        await Assertions.Expect(mine.Locator(".body")).ToHaveTextAsync("Held for a moderator, please.");

        await author.ReloadAsync();
        await author.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(author.Locator("li.comment.pending .body")).ToHaveTextAsync("Held for a moderator, please.");

        var stranger = await OpenArticleAsync(TestSites.Premoderated, thread);
        await Assertions.Expect(stranger.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
        await Assertions.Expect(stranger.Locator("li.comment")).ToHaveCountAsync(0);
        await Assertions.Expect(stranger.GetByText("awaiting moderation")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_held_comment_a_moderator_rejects_leaves_its_authors_page_at_the_next_visit()
    {
        var thread = TestSites.NewThread("widget");
        var author = await OpenArticleAsync(TestSites.Premoderated, thread);
        await FillAsync(author, "Held, then rejected.");
        await author.ClickAsync("#submit");
        var mine = author.Locator("li.comment.pending");
        await Assertions.Expect(mine.Locator(".body")).ToHaveTextAsync("Held, then rejected.", new() { Timeout = Patience });
        var id = (await mine.GetAttributeAsync("id"))!["comment-".Length..];

        using var moderator = fixture.CreateClient();
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        using var rejected = await moderator.PostAsJsonAsync($"/api/moderation/sites/{TestSites.Premoderated}/comments/{id}/actions", new { action = "reject", reason = "off-topic" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        await author.ReloadAsync();
        await author.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(author.Locator("li.comment")).ToHaveCountAsync(0, new() { Timeout = Patience });
        // Forgotten, not just hidden: the browser's own list no longer holds it.
        var kept = await author.EvaluateAsync<string[]>(
            "() => Object.keys(localStorage).filter(k => k.startsWith('comments:pending:') || k.startsWith('comments:mine:')).flatMap(k => { const v = JSON.parse(localStorage.getItem(k)); return Array.isArray(v) ? v.map(p => p.id) : Object.keys(v); })");
        Assert.DoesNotContain(id, kept);
    }

    [Fact]
    public async Task After_the_network_drops_the_widget_reconnects_and_shows_what_was_posted_meanwhile_in_order()
    {
        // The page reaches the API through a relay that can cut every connection, as a dropped network does.
        await using var relay = new TcpRelay(fixture.Service.BaseAddress.Port);
        var thread = TestSites.NewThread("widget");
        var url = _blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(relay.BaseAddress, TestSites.Open, thread));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(url);
        var widget = page.Locator("#comments-widget");
        await Assertions.Expect(widget).ToHaveAttributeAsync("data-live", "on", new() { Timeout = Patience });

        relay.Sever();
        // The SignalR client reports the cut as reconnecting, or (seen once in CI under load) closes at
        // once; either way the page is not live, and the widget itself retries every 30 s after a close.
        await Assertions.Expect(widget).ToHaveAttributeAsync("data-live", new System.Text.RegularExpressions.Regex("^(reconnecting|off)$"), new() { Timeout = Patience });
        using var reader = fixture.CreateClient();
        foreach (var text in new[] { "Meanwhile one", "Meanwhile two", "Meanwhile three" })
            await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply(text));
        relay.Restore();

        // The client retries after 0, 1, 2, 5, 10 and 30 s (the widget every 30 s once closed); the catch-up
        // asks for everything after its last cursor.
        await Assertions.Expect(widget).ToHaveAttributeAsync("data-live", "on", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("li.comment .body")).ToHaveTextAsync(["Meanwhile one", "Meanwhile two", "Meanwhile three"], new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("3 comments");
    }

    [Fact]
    public async Task A_bad_email_is_flagged_next_to_the_email_field_and_a_server_refusal_next_to_the_comment()
    {
        var thread = TestSites.NewThread("widget");
        var page = await OpenArticleAsync(TestSites.Open, thread);

        await FillAsync(page, "Checking the checks.", email: "wendy@example");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter a valid email address.");
        await Assertions.Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#email")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("li.comment")).ToHaveCountAsync(0);

        // The server's ProblemDetails (409 comment.duplicate on field 'text') lands next to Comment.
        await FillAsync(page, "Said once.");
        await page.ClickAsync("#submit");
        await page.Locator("li.comment", new() { HasTextString = "Said once." }).WaitForAsync(new() { Timeout = Patience });
        await page.FillAsync("#comment", "Said once.");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#comment-error")).ToHaveTextAsync("This comment was already posted.", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task A_comment_posted_in_one_page_arrives_live_in_another_page_on_the_same_article()
    {
        var thread = TestSites.NewThread("widget");
        var reader = await OpenArticleAsync(TestSites.Open, thread);
        await reader.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var writer = await OpenArticleAsync(TestSites.Open, thread);

        await FillAsync(writer, "Hello from the other tab.");
        await writer.ClickAsync("#submit");

        var arrived = reader.Locator("li.comment", new() { HasTextString = "Hello from the other tab." });
        await arrived.WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(reader.Locator("#comments-title")).ToHaveTextAsync("One comment");
        await Assertions.Expect(reader.Locator("#announce")).ToHaveTextAsync("New comment from Wendy Writer");

        // A reply to it, from the reader, arrives nested under it in the writer's page.
        await arrived.Locator("button.reply").ClickAsync();
        await Assertions.Expect(reader.Locator("#reply-title")).ToContainTextAsync("Reply to Wendy Writer");
        await Assertions.Expect(reader.Locator("#comment")).ToBeFocusedAsync();
        await FillAsync(reader, "And hello back, nested.", name: "Rob Reader", email: "rob@example.com");
        await reader.Keyboard.PressAsync("Tab");
        await reader.ClickAsync("#submit");
        await writer.Locator("li.comment li.comment", new() { HasTextString = "And hello back, nested." })
            .WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(writer.Locator("#comments-title")).ToHaveTextAsync("2 comments");
    }

    [Fact]
    public async Task An_xss_payload_in_every_field_is_shown_as_text_and_runs_nothing()
    {
        var errors = new List<string>();
        var thread = TestSites.NewThread("widget");
        var page = await OpenArticleAsync(TestSites.Open, thread, errors);
        const string name = "<img src=x onerror=\"window.__xss='name'\">";
        const string text = "<script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\"> [link](javascript:window.__xss='md')";
        const string url = "https://example.com/\"><img src=x onerror=window.__xss='url'>";
        await FillAsync(page, text, name: name, email: "x'\"><svg@example.com", url: url);
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter a valid email address.");
        await page.FillAsync("#email", "xss@example.com");
        await page.ClickAsync("#submit");

        var comment = page.Locator("li.comment");
        await Assertions.Expect(comment.Locator(".author")).ToHaveTextAsync(name, new() { Timeout = Patience });
        Assert.Equal(0, await comment.Locator(".body script, .body img, .author img, [onerror]").CountAsync());
        var href = await comment.Locator(".author a").GetAttributeAsync("href");
        Assert.StartsWith("https://example.com/", href);
        foreach (var link in await comment.Locator(".body a").AllAsync())
            Assert.DoesNotContain("javascript:", await link.GetAttributeAsync("href") ?? "");

        // Wait for a positive signal that a broken image's onerror has had time to fire on this
        // page: a control image with the same broken source, added after the comment rendered,
        // must report its own onerror first. Then look: the injected ones did nothing.
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.onerror = () => { window.__control = 'fired'; }; i.src = 'x'; document.body.append(i); }");
        await page.WaitForFunctionAsync("() => window.__control === 'fired'", null, new() { Timeout = Patience });
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))");
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        // The control's own 404 is the one console error allowed from here on.
        Assert.True(errors.Count <= 1 && errors.All(e => e.Contains("404", StringComparison.Ordinal)), "browser console errors: " + string.Join(" | ", errors));
        errors.Clear();

        // A second page loads it over GET (not the 201 body) and runs nothing either.
        var other = await OpenArticleAsync(TestSites.Open, thread);
        await Assertions.Expect(other.Locator("li.comment .author")).ToHaveTextAsync(name);
        await other.EvaluateAsync("() => { const i = document.createElement('img'); i.onerror = () => { window.__control = 'fired'; }; i.src = 'x'; document.body.append(i); }");
        await other.WaitForFunctionAsync("() => window.__control === 'fired'", null, new() { Timeout = Patience });
        Assert.Null(await other.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.True(errors.Count == 0, "browser console errors: " + string.Join(" | ", errors));
    }

    [Fact]
    public async Task The_host_page_hiding_everything_and_using_huge_fonts_does_not_break_the_widget()
    {
        const string hostile = """
            * { display: none !important; font-size: 72px !important; color: hotpink !important; line-height: 4 !important; }
            html, body, main { display: block !important; }
            div, form, p, label, input, textarea, button, ol, li { all: unset !important; display: none !important; }
            """;
        var thread = TestSites.NewThread("widget");
        var page = await OpenArticleAsync(TestSites.Open, thread, css: hostile);
        await Assertions.Expect(page.Locator("h1")).ToBeHiddenAsync();

        await Assertions.Expect(page.Locator("#comment")).ToBeVisibleAsync();
        Assert.Equal("16px", await page.Locator("#comment").EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
        Assert.Equal("16px", await page.Locator("#comments-title").EvaluateAsync<string>("e => getComputedStyle(e.getRootNode().host).fontSize"));
        await FillAsync(page, "Still works under hostile CSS.");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("li.comment .body")).ToHaveTextAsync("Still works under hostile CSS.", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-hostile-css.png"), FullPage = true });
    }

    [Fact]
    public async Task The_widget_is_screenshot_on_a_desktop_and_on_a_375_pixel_phone()
    {
        var thread = TestSites.NewThread("widget");
        using var api = fixture.CreateClient();
        var first = await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("First! This is a *great* write-up, thanks for sharing.", "Alice Archer", "alice@example.com", "https://alice.example"));
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Agreed — especially the part about caching.", "Bob Baker", "bob@example.com", parentId: first.GetProperty("id").GetString()));
        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Has anyone tried this with `Redis` cluster mode?", "Carol Chen", "carol@example.com"));

        foreach (var (width, file) in new[] { (1280, "widget-desktop.png"), (375, "widget-phone.png") })
        {
            var page = await OpenArticleAsync(TestSites.Open, thread, width: width);
            await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("3 comments");
            await Assertions.Expect(page.Locator("li.comment li.comment .author")).ToHaveTextAsync("Bob Baker");
            var shot = Path.Combine(BrowserFixture.ArtifactsDir, file);
            var png = await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            Assert.Equal(width, PngImage.Size(png).Width);
            await PngImage.AssertVisibleAsync(page, page.Locator("#comments-widget"));
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"the page scrolls sideways at {width}px");
        }
    }

    [Fact]
    public async Task A_like_in_one_page_changes_the_count_in_another_page_and_counts_once_per_browser()
    {
        var thread = TestSites.NewThread("widget");
        using var api = fixture.CreateClient();
        var id = (await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Worth a like."))).GetProperty("id").GetString()!;
        var watcher = await OpenArticleAsync(TestSites.Open, thread);
        await watcher.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var liker = await OpenArticleAsync(TestSites.Open, thread);

        var like = liker.Locator($"#comment-{id} button.like");
        await like.ClickAsync();
        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Patience });
        await Assertions.Expect(like.Locator(".likes")).ToHaveTextAsync("1");
        await Assertions.Expect(watcher.Locator($"#comment-{id} button.like .likes")).ToHaveTextAsync("1", new() { Timeout = Patience });

        // The same browser again (a reload): still liked, and the count stays 1.
        await liker.ReloadAsync();
        await liker.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(like.Locator(".likes")).ToHaveTextAsync("1");

        // The same reader (same reader token) on a page that forgot it liked: the button is live
        // again, the click really reaches the server (awaited), and the server still counts one.
        await liker.EvaluateAsync($"() => localStorage.removeItem('comments:liked:{TestSites.Open}')");
        await liker.ReloadAsync();
        await liker.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "false");
        var again = await liker.RunAndWaitForResponseAsync(() => like.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/comments/{id}/likes", StringComparison.Ordinal), new() { Timeout = Patience });
        Assert.True(again.Ok, $"the second like answered {again.Status}");
        Assert.Equal(1, (await again.JsonAsync())!.Value.GetProperty("likes").GetInt64());
        await Assertions.Expect(like).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(like.Locator(".likes")).ToHaveTextAsync("1");
        var counts = await api.GetJsonAsync($"/api/sites/{TestSites.Open}/threads/{thread}/likes");
        Assert.Equal(1, counts.GetProperty("likes").GetProperty(id).GetInt64());
    }

    [Fact]
    public async Task A_reader_mid_thread_gets_a_new_comments_bar_instead_of_the_text_moving()
    {
        var thread = TestSites.NewThread("widget");
        using var api = fixture.CreateClient();
        for (var i = 1; i <= 12; i++)
            await api.PublishAsync(TestSites.Open, thread, TestApi.Reply($"Earlier comment number {i}, long enough to take some room on the page."));
        var page = await OpenArticleAsync(TestSites.Open, thread);
        await page.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var reading = page.Locator("li.comment", new() { HasTextString = "number 6," });
        await reading.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        var before = await reading.EvaluateAsync<double>("e => e.getBoundingClientRect().top");

        await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Arrived while you were reading."));

        var bar = page.Locator("#newbar");
        await Assertions.Expect(bar).ToHaveTextAsync("1 new comment", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("13 comments");
        await Assertions.Expect(page.Locator("li.comment", new() { HasTextString = "Arrived while" })).ToHaveCountAsync(0);
        Assert.Equal(before, await reading.EvaluateAsync<double>("e => e.getBoundingClientRect().top"), 1.0);

        await bar.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var arrived = page.Locator("li.comment", new() { HasTextString = "Arrived while" });
        await Assertions.Expect(arrived).ToBeInViewportAsync();
        await Assertions.Expect(bar).ToBeHiddenAsync();
        await Assertions.Expect(arrived.Locator("button.reply")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_author_edits_and_deletes_their_comment_and_another_page_follows_live()
    {
        var thread = TestSites.NewThread("widget");
        var watcher = await OpenArticleAsync(TestSites.Open, thread);
        await watcher.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var author = await OpenArticleAsync(TestSites.Open, thread);
        await FillAsync(author, "Frist comment.");
        await author.ClickAsync("#submit");
        await author.Locator("li.comment", new() { HasTextString = "Frist" }).WaitForAsync(new() { Timeout = Patience });
        var id = await author.Locator("li.comment", new() { HasTextString = "Frist" }).GetAttributeAsync("data-id");
        var mine = author.Locator($"#comment-{id}");
        Assert.Equal(0, await watcher.Locator("li.comment button.edit").CountAsync());

        await mine.Locator("button.edit").ClickAsync();
        await Assertions.Expect(mine.GetByLabel("Edit your comment")).ToBeFocusedAsync();
        await mine.GetByLabel("Edit your comment").FillAsync("First comment, *fixed*.");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(mine.Locator(".body em")).ToHaveTextAsync("fixed", new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("li.comment .body em")).ToHaveTextAsync("fixed", new() { Timeout = Patience });

        await mine.Locator("button.delete").ClickAsync();
        await Assertions.Expect(mine.Locator("button.delete")).ToHaveTextAsync("Confirm delete");
        await mine.Locator("button.delete").ClickAsync();
        await Assertions.Expect(author.Locator("li.comment")).ToHaveCountAsync(0, new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("li.comment")).ToHaveCountAsync(0, new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
    }

    [Fact]
    public async Task An_edit_that_would_be_held_is_held_the_author_is_told_and_another_page_loses_the_comment()
    {
        var thread = TestSites.NewThread("widget");
        var watcher = await OpenArticleAsync(TestSites.Open, thread);
        await watcher.Locator("#comments-widget[data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        var author = await OpenArticleAsync(TestSites.Open, thread);
        // A new author: a trusted one (two published comments) may post two links.
        await FillAsync(author, "An innocent comment.", email: $"new-{Guid.NewGuid():N}@example.com");
        await author.ClickAsync("#submit");
        var mine = author.Locator("li.comment", new() { HasTextString = "innocent" });
        await mine.WaitForAsync(new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("li.comment")).ToHaveCountAsync(1, new() { Timeout = Patience });

        await mine.Locator("button.edit").ClickAsync();
        await mine.GetByLabel("Edit your comment").FillAsync("Deals at http://shop.example/a and http://shop.example/b");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(author.Locator("#announce")).ToHaveTextAsync("Your edit is awaiting moderation.", new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("li.comment")).ToHaveCountAsync(0, new() { Timeout = Patience });
        await Assertions.Expect(watcher.Locator("#comments-title")).ToHaveTextAsync("No comments yet");
    }

    [Fact]
    public async Task Sorting_by_newest_and_by_most_liked_reorders_the_top_level_comments()
    {
        var thread = TestSites.NewThread("widget");
        using var api = fixture.CreateClient();
        var ids = new List<string>();
        foreach (var text in new[] { "Alpha comment.", "Beta comment.", "Gamma comment." })
            ids.Add((await api.PublishAsync(TestSites.Open, thread, TestApi.Reply(text))).GetProperty("id").GetString()!);
        for (var i = 0; i < 2; i++)
            (await api.PostAsJsonAsync($"/api/sites/{TestSites.Open}/comments/{ids[1]}/likes", new { reader = Guid.NewGuid().ToString("N") }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var page = await OpenArticleAsync(TestSites.Open, thread);
        var bodies = page.Locator("#thread > li.comment > article .body");
        await Assertions.Expect(bodies).ToHaveTextAsync(["Alpha comment.", "Beta comment.", "Gamma comment."]);

        await page.Locator("#sort").SelectOptionAsync("newest");
        await Assertions.Expect(bodies).ToHaveTextAsync(["Gamma comment.", "Beta comment.", "Alpha comment."], new() { Timeout = Patience });

        await page.Locator("#sort").SelectOptionAsync("liked");
        await Assertions.Expect(bodies).ToHaveTextAsync(["Beta comment.", "Alpha comment.", "Gamma comment."], new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($"#comment-{ids[1]} .likes").First).ToHaveTextAsync("2");
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
