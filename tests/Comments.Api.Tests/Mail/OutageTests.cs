using System.Net;

namespace Comments.Api.Tests.Mail;

/// <summary>Nothing lost, nothing twice: the SMTP server down, the service killed with SIGKILL in between.</summary>
public abstract class OutageTests(MailFixture fixture)
{
    private const int Replies = 5;

    [Fact]
    public async Task Replies_published_while_SMTP_is_down_and_across_a_kill_9_of_the_service_arrive_exactly_once_when_it_is_back()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("outage");
        var ann = MailTestApi.NewAddress("ann");
        using var posted = await client.PostNotifyingAsync(TestSites.Open, thread, "Tell me when someone answers.", "Ann", ann);
        var parentId = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        await client.ConfirmAsync(await fixture.Smtp.ConfirmationLinkAsync(ann));

        await fixture.Smtp.StopAsync();
        var failed = fixture.Service.WaitForLineAsync(l => l.Contains("published item failed", StringComparison.Ordinal), TimeSpan.FromSeconds(60), includePast: false);
        for (var i = 0; i < Replies; i++)
            await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"Answer number {i}.", $"Bob {i}", MailTestApi.NewAddress("bob"), parentId: parentId));
        await failed; // the worker tried, and the SMTP server was not there

        await fixture.KillAndRestartAsync();
        using var restarted = fixture.CreateClient();
        await fixture.Smtp.StartAgainAsync();

        var mails = await fixture.Smtp.WaitForAsync(ann, Replies, m => m.Subject.Contains("replied", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        await restarted.DrainAsync(fixture.Smtp, TestSites.Open);
        var all = await fixture.Smtp.ToAsync(ann);
        Assert.Equal(Replies, all.Count);
        var ids = new HashSet<string>();
        foreach (var mail in all) Assert.True(ids.Add((await fixture.Smtp.LoadAsync(mail)).MessageId ?? ""), "a Message-ID arrived twice");
        Assert.Equal(Enumerable.Range(0, Replies).Select(i => $"Bob {i} replied to your comment").Order(), all.Select(m => m.Subject).Order());
        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_threads_subscriber_gets_its_new_comments_batched_without_their_own()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("batch");
        var carl = MailTestApi.NewAddress("carl");
        await client.SubscribeConfirmedAsync(fixture.Smtp, TestSites.Open, carl, thread);

        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Carl's own words.", "Carl", carl));
        for (var i = 0; i < 3; i++)
            await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"Batched comment {i}.", $"Dana {i}", MailTestApi.NewAddress("dana")));

        var texts = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        IReadOnlyList<ReceivedMail> batches = [];
        while (texts.Count(t => t.Contains("Batched comment", StringComparison.Ordinal)) < 3 && DateTime.UtcNow < deadline)
        {
            batches = await fixture.Smtp.WaitForAsync(carl, batches.Count + 1, m => m.Subject.Contains("new comment", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            texts = [];
            foreach (var mail in batches) texts.AddRange(((await fixture.Smtp.LoadAsync(mail)).TextBody ?? "").Split('\n').Select(l => l.Trim()));
        }
        var body = string.Join("\n", texts);
        for (var i = 0; i < 3; i++) Assert.Single(texts, t => t == $"Batched comment {i}.");
        Assert.DoesNotContain("Carl's own words.", body);
        // 6-second windows: the four posts may straddle one boundary, never more.
        Assert.InRange(batches.Count, 1, 2);
    }
}

public sealed class OutageOnGarnet(GarnetOutageService fixture) : OutageTests(fixture), IClassFixture<GarnetOutageService>;

public sealed class OutageOnRedis(RedisOutageService fixture) : OutageTests(fixture), IClassFixture<RedisOutageService>;
