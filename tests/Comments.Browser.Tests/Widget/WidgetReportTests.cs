using System.Net;
using System.Net.Http.Json;
using Comments.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Comments.Browser.Tests.Widget;

/// <summary>A reader reports a comment with a reason through the flags API: once per reader, and told so.</summary>
public sealed class WidgetReportTests(BrowserFixture fixture) : IAsyncDisposable
{
    private const float Patience = BrowserFixture.Patience;
    private readonly HostSite _blog = new();

    private async Task<IPage> OpenAsync(string thread)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(_blog.Publish($"/{thread}/{Guid.NewGuid():N}", HostSite.Article(fixture.Service.BaseAddress, TestSites.Open, thread)));
        await page.Locator("#comments-widget[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patience });
        return page;
    }

    [Fact]
    public async Task A_reader_reports_a_comment_with_a_reason_is_thanked_and_cannot_report_it_twice()
    {
        var thread = TestSites.NewThread("report");
        using var api = fixture.CreateClient();
        var id = (await api.PublishAsync(TestSites.Open, thread, TestApi.Reply("Buy cheap watches now.", "Sam Spammer", "sam@example.com"))).GetProperty("id").GetString()!;

        var page = await OpenAsync(thread);
        var comment = page.Locator($"#comment-{id}");
        var report = comment.GetByRole(AriaRole.Button, new() { Name = "Report comment by Sam Spammer" });
        await report.ClickAsync();
        var form = comment.Locator("form.report-form");
        await Assertions.Expect(form.Locator("legend")).ToHaveTextAsync("Why are you reporting this comment?");
        await Assertions.Expect(form.GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
        await Assertions.Expect(form.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();

        // No reason chosen: nothing is sent, the reader is asked again.
        await form.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(form.Locator("[role=alert]")).ToHaveTextAsync("Why are you reporting this comment?");
        await Axe.AssertNoSeriousViolationsAsync(page, "#comments-widget", "the open report form");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-report-form.png"), FullPage = true });

        await form.GetByLabel("Spam").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        var note = comment.Locator(".reported-note[role=status]");
        await Assertions.Expect(note).ToHaveTextAsync("Thank you. The moderators will take a look.", new() { Timeout = Patience });
        await Assertions.Expect(note).ToBeFocusedAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await Assertions.Expect(comment.Locator("button.report")).ToHaveTextAsync("Reported");
        await Assertions.Expect(comment.Locator("button.report")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "widget-reported.png"), FullPage = true });

        // The flag reached the server with its reason: the same reader (same address) is refused a second one.
        using var again = await api.PostAsJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}/flags", new { reason = "spam" }, TestContext.Current.CancellationToken);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "flag.already_flagged");

        // The same browser remembers; another browser of the same reader is told it already reported.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#comment-{id} button.report")).ToBeDisabledAsync(new() { Timeout = Patience });
        var other = await OpenAsync(thread);
        await other.Locator($"#comment-{id} button.report").ClickAsync();
        await other.Locator($"#comment-{id} form.report-form").GetByLabel("Off-topic").CheckAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(other.Locator($"#comment-{id} .reported-note")).ToHaveTextAsync("You already reported this comment.", new() { Timeout = Patience });
    }

    public ValueTask DisposeAsync() => _blog.DisposeAsync();
}
