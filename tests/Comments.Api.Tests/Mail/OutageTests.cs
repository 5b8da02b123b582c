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
}

public sealed class OutageOnGarnet(GarnetOutageService fixture) : OutageTests(fixture), IClassFixture<GarnetOutageService>;

public sealed class OutageOnRedis(RedisOutageService fixture) : OutageTests(fixture), IClassFixture<RedisOutageService>;
