using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Mail;

/// <summary>The shared test services have no Mail section: subscriptions, personal-data links and post announcements say so instead of pretending.</summary>
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
    public async Task Without_mail_configured_a_personal_data_link_and_a_post_announcement_are_501_mail_disabled_and_queue_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.CreateClient();
        using var link = await client.PostAsJsonAsync($"/api/sites/{TestSites.Open}/personal-data/requests", new { email = MailTestApi.NewAddress("ann") }, ct);
        await link.AssertProblemAsync(HttpStatusCode.NotImplemented, "mail.disabled");

        client.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        using var post = await client.PostAsJsonAsync($"/api/moderation/sites/{TestSites.Open}/posts",
            new { url = $"https://blog.example/nomail-{Guid.NewGuid():N}/", title = "A post" }, ct);
        await post.AssertProblemAsync(HttpStatusCode.NotImplemented, "mail.disabled");
        Assert.False(await fixture.Store.KeyExistsAsync($"c:{{{TestSites.Open}}}:outbox"));
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
