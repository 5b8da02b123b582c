using System.Text;
using System.Text.RegularExpressions;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;

namespace Comments.Browser.Tests.Widget;

/// <summary>The mail service, with the open site's sign-up heading set as the blog we replace has it.</summary>
public sealed class SignupServiceFixture : MailServiceFixture
{
    public const string Heading = "Get Curated Post Updates!";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        [$"Sites__{TestSites.Open}__SignupHeading"] = Heading,
    };
}

/// <summary>
/// The standalone sign-up box (one <c>signup.js</c> tag) in a real chromium on another origin: the site's
/// heading with the shipped consent text, a bot that fills the honeypot is thanked and nothing is sent, a
/// person gets the confirmation mail and confirms from it, errors are the ProblemDetails' codes in the
/// reader's language, and axe finds nothing serious.
/// </summary>
public sealed partial class SignupBoxTests(BrowserFixture browser, SignupServiceFixture mail) : IClassFixture<SignupServiceFixture>, IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenAsync(Uri api, string lang = "en")
    {
        var html = $$"""
            <!doctype html><html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>A photo blog</title></head>
            <body><main><h1>A photo blog</h1><p>The blogger's text.</p>
            <script src="{{api.GetLeftPart(UriPartial.Authority)}}/signup.js" data-site="{{TestSites.Open}}" async></script>
            </main></body></html>
            """;
        var url = _blog.Publish($"/signup/{Guid.NewGuid():N}", html);
        var page = await (await browser.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(url);
        await page.Locator(".comments-signup[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    private async Task SignUpAsync(IPage page, string email)
    {
        await page.Locator(".comments-signup #email").FillAsync(email);
        await page.Locator(".comments-signup #submit").ClickAsync();
    }

    [Fact]
    public async Task A_bot_filling_the_honeypot_is_thanked_and_sent_nothing_and_a_person_confirms_from_the_mail()
    {
        var page = await OpenAsync(mail.Service.BaseAddress);
        var box = page.Locator(".comments-signup");
        await Assertions.Expect(box.Locator("h2")).ToHaveTextAsync(SignupServiceFixture.Heading, new() { Timeout = Patience });
        await Assertions.Expect(box.Locator("#consent")).ToContainTextAsync("We first send you a mail to confirm");
        await Axe.AssertNoSeriousViolationsAsync(page, null, "the sign-up box");

        var bot = $"bot-{Guid.NewGuid():N}@example.com";
        await box.Locator("#hp").FillAsync("http://spam.example", new() { Force = true });
        await SignUpAsync(page, bot);
        await Assertions.Expect(box.Locator("#done")).ToHaveTextAsync("Almost done: check your inbox and confirm with the link we sent you.", new() { Timeout = Patience });

        var person = $"ann-{Guid.NewGuid():N}@example.com";
        page = await OpenAsync(mail.Service.BaseAddress);
        box = page.Locator(".comments-signup");
        await SignUpAsync(page, "not an address");
        await Assertions.Expect(box.Locator("#error")).ToHaveTextAsync("Enter a valid email address.");
        await Assertions.Expect(box.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await SignUpAsync(page, person);
        await Assertions.Expect(box.Locator("#done")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Axe.AssertNoSeriousViolationsAsync(page, null, "the sign-up box, done");

        var received = (await mail.Smtp.WaitForAsync(person))[0];
        var confirmation = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(await mail.Smtp.RawAsync(received.Id))), TestContext.Current.CancellationToken);
        Assert.StartsWith("Confirm", confirmation.Subject, StringComparison.Ordinal);
        await page.GotoAsync(ConfirmLink().Match(confirmation.TextBody!).Value);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Subscription confirmed", new() { Timeout = Patience });
        // The worker takes a site's items in order: the bot's would have gone before the person's.
        Assert.Empty(await mail.Smtp.ToAsync(bot));
    }

    [Fact]
    public async Task Where_the_server_sends_no_mail_the_box_says_so_in_the_pages_language()
    {
        var page = await OpenAsync(browser.Service.BaseAddress, "de");
        var box = page.Locator(".comments-signup");
        await Assertions.Expect(box.Locator("h2")).ToHaveTextAsync("Neue Beiträge per E-Mail", new() { Timeout = Patience });
        await Assertions.Expect(box.Locator("#error")).ToHaveTextAsync("Die Anmeldung per E-Mail ist hier nicht verfügbar.");
        await SignUpAsync(page, $"ann-{Guid.NewGuid():N}@example.com");
        await Assertions.Expect(box.Locator("#error")).ToHaveTextAsync("Die Anmeldung per E-Mail ist hier nicht verfügbar.", new() { Timeout = Patience });
        await Assertions.Expect(box.Locator("#done")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"https?://\S+/subscriptions/confirm\?token=[A-Za-z0-9_.%\-]+")]
    private static partial Regex ConfirmLink();

    public async ValueTask DisposeAsync() => await _blog.DisposeAsync();
}
