using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Comments.Browser.Tests.Widget;

/// <summary>A service with mail on, sending to a real smtp4dev of its own (the shared browser service has none).</summary>
public class MailServiceFixture : IAsyncLifetime
{
    /// <summary>More settings of the service, for a fixture that needs them.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    private string? _dataDir;

    public Smtp4devProcess Smtp { get; private set; } = null!;
    public ServiceProcess Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Smtp = await Smtp4devProcess.StartAsync();
        _dataDir = Directory.CreateTempSubdirectory("comments-browser-mail-").FullName;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(TestSites.Environment(_dataDir, null, FreePort.Next()))
        {
            ["Mail__Host"] = "127.0.0.1",
            ["Mail__Port"] = Smtp.SmtpPort.ToString(),
            ["Mail__Security"] = "None",
            ["Mail__From"] = "Comments <comments@example.com>",
            ["Mail__PublicUrl"] = $"http://127.0.0.1:{port}",
            ["Mail__ThreadBatchMinutes"] = "60",
            ["Outbox__PollMilliseconds"] = "50",
        };
        foreach (var (key, value) in Settings) environment[key] = value;
        Service = await ServiceProcess.StartAsync(environment, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The reader's whole mail journey in a real chromium: tick "notify me" in the widget, confirm from the
/// mail's link, get the reply by mail, leave with the mail's unsubscribe link.
/// </summary>
public sealed partial class WidgetMailTests(BrowserFixture browser, MailServiceFixture mail) : IClassFixture<MailServiceFixture>, IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenArticleAsync(Uri api, string thread, string lang = "en")
    {
        var url = _blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(api, TestSites.Open, thread, lang: lang));
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    private async Task<MimeMessage> LoadAsync(ReceivedMail received) =>
        await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(await mail.Smtp.RawAsync(received.Id))), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_reader_ticks_notify_confirms_from_the_mail_gets_the_reply_by_mail_and_unsubscribes_from_its_link()
    {
        var thread = TestSites.NewThread("widget-mail");
        var ann = $"ann-{Guid.NewGuid():N}@example.com";
        var page = await OpenArticleAsync(mail.Service.BaseAddress, thread);
        await Assertions.Expect(page.Locator("#notify-row")).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.FillAsync("#comment", "Which lens was this? Tell me by mail.");
        await page.FillAsync("#author", "Ann");
        await page.FillAsync("#email", ann);
        await page.CheckAsync("#notify");
        await page.ClickAsync("#submit");
        var comment = page.Locator("li.comment", new() { HasTextString = "Which lens" });
        await Assertions.Expect(comment).ToBeVisibleAsync(new() { Timeout = Patience });
        var parentId = (await comment.GetAttributeAsync("id"))!.Replace("comment-", "", StringComparison.Ordinal);

        var confirmation = await LoadAsync((await mail.Smtp.WaitForAsync(ann))[0]);
        await page.GotoAsync(ConfirmLink().Match(confirmation.TextBody!).Value);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Subscription confirmed", new() { Timeout = Patience });

        using var client = mail.Service.CreateClient();
        using (var reply = await client.PostAsJsonAsync(TestApi.CommentsPath(TestSites.Open, thread),
            new { text = "A 35mm prime.", authorName = "Bob", authorEmail = "bob@example.com", parentId }, TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Created, reply.StatusCode);
        var replyMail = await LoadAsync((await mail.Smtp.WaitForAsync(ann, match: m => m.Subject == "Bob replied to your comment"))[0]);
        Assert.Contains("A 35mm prime.", replyMail.TextBody);

        await page.GotoAsync(replyMail.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>'));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Unsubscribed", new() { Timeout = Patience });
    }

    [Fact]
    public async Task A_reader_ticks_notify_me_of_new_posts_confirms_and_gets_the_announced_post_by_mail()
    {
        var thread = TestSites.NewThread("widget-posts");
        var ann = $"posts-{Guid.NewGuid():N}@example.com";
        var page = await OpenArticleAsync(mail.Service.BaseAddress, thread);
        await Assertions.Expect(page.Locator("#notify-posts-row")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("label[for=notify-posts]")).ToHaveTextAsync("Notify me of new posts by email.");
        await page.FillAsync("#comment", "Lovely photos, I want the next ones.");
        await page.FillAsync("#author", "Ann");
        await page.FillAsync("#email", ann);
        await page.CheckAsync("#notify-posts");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("li.comment", new() { HasTextString = "Lovely photos" })).ToBeVisibleAsync(new() { Timeout = Patience });

        var confirmation = await LoadAsync((await mail.Smtp.WaitForAsync(ann))[0]);
        await page.GotoAsync(ConfirmLink().Match(confirmation.TextBody!).Value);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Subscription confirmed", new() { Timeout = Patience });

        using var owner = mail.Service.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        using (var announced = await owner.PostAsJsonAsync($"/api/moderation/sites/{TestSites.Open}/posts",
            new { url = $"https://blog.example/{Guid.NewGuid():N}/", title = "Autumn in the hills" }, TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, announced.StatusCode);
        await mail.Smtp.WaitForAsync(ann, match: m => m.Subject.EndsWith("Autumn in the hills", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_of_an_Arabic_page_gets_Arabic_mail_and_a_right_to_left_manage_page_with_no_serious_axe_violations()
    {
        var thread = TestSites.NewThread("widget-mail-ar");
        var ann = $"ann-{Guid.NewGuid():N}@example.com";
        var page = await OpenArticleAsync(mail.Service.BaseAddress, thread, lang: "ar");
        await Assertions.Expect(page.Locator("#notify-row")).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.FillAsync("#comment", "ما العدسة التي استخدمتها؟");
        await page.FillAsync("#author", "آن");
        await page.FillAsync("#email", ann);
        await page.CheckAsync("#notify");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("li.comment", new() { HasTextString = "ما العدسة" })).ToBeVisibleAsync(new() { Timeout = Patience });

        var confirmation = await LoadAsync((await mail.Smtp.WaitForAsync(ann))[0]);
        Assert.Equal($"أكِّد اشتراكك في {TestSites.Open}", confirmation.Subject);
        Assert.Contains("dir=\"rtl\"", confirmation.HtmlBody);
        await page.GotoAsync(confirmation.Headers["List-Unsubscribe"]!.Trim().Trim('<', '>').Replace("/unsubscribe?", "/manage?", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("اشتراكاتك", new() { Timeout = Patience });
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "manage-ar.png"), FullPage = true });
        await Axe.AssertNoSeriousViolationsAsync(page, what: "the Arabic manage page");
    }

    [Fact]
    public async Task Where_the_server_sends_no_mail_the_widget_offers_no_notify_box()
    {
        var page = await OpenArticleAsync(browser.Service.BaseAddress, TestSites.NewThread("widget-nomail"));
        await Assertions.Expect(page.Locator("#comments-title")).ToHaveTextAsync("No comments yet", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#notify-row")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#notify-posts-row")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"https?://\S+/subscriptions/confirm\?token=[A-Za-z0-9_.%\-]+")]
    private static partial Regex ConfirmLink();

    public async ValueTask DisposeAsync() => await _blog.DisposeAsync();
}
