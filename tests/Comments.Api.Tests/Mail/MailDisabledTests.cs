using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Mail;

/// <summary>The shared test services have no Mail section: subscriptions say so instead of pretending.</summary>
public abstract class MailDisabledTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Without_mail_configured_a_subscription_is_501_mail_disabled_and_nothing_is_stored()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("nomail");
        using var response = await client.SubscribeAsync(TestSites.Open, "ann@example.com", thread);
        await response.AssertProblemAsync(HttpStatusCode.NotImplemented, "mail.disabled");
        using var page = await client.GetAsync($"/api/sites/{TestSites.Open}/subscriptions/manage?token=x", TestContext.Current.CancellationToken);
        await page.AssertProblemAsync(HttpStatusCode.NotImplemented, "mail.disabled");
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, thread));
    }

    [Fact]
    public async Task Without_mail_configured_a_comment_with_notify_ticked_is_stored_and_queues_nothing()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("nomail");
        using var response = await client.PostNotifyingAsync(TestSites.Open, thread, "Notify me, please.", "Ann", MailTestApi.NewAddress("ann"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(await fixture.Store.KeyExistsAsync($"c:{{{TestSites.Open}}}:outbox"));
    }
}

public sealed class MailDisabledOnGarnet(GarnetService fixture) : MailDisabledTests(fixture);

public sealed class MailDisabledOnRedis(RedisService fixture) : MailDisabledTests(fixture);
