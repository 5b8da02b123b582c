using System.Collections.Concurrent;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Webhooks;

/// <summary>The real service with two webhooks on the open site (our JSON and the Slack form) and a published-only one on the pre-moderated site, calling a real <see cref="WebhookReceiver"/>.</summary>
public sealed class WebhookReceiverService : IAsyncLifetime
{
    public const string Secret = WebhookReceiver.Secret;
    private WebhookReceiver? _receiver;
    private HookedService? _service;

    public ConcurrentQueue<Delivery> Deliveries => _receiver!.Deliveries;
    public ServiceFixture Service => _service!;

    public void FailNext(int count) => _receiver!.FailNext(count);

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _service = new HookedService(StoreBackend.Garnet, new Dictionary<string, string>
        {
            [$"Sites__{TestSites.Open}__Webhooks__0__Url"] = _receiver.Url("json"),
            [$"Sites__{TestSites.Open}__Webhooks__0__Secret"] = Secret,
            [$"Sites__{TestSites.Open}__Webhooks__1__Url"] = _receiver.Url("slack"),
            [$"Sites__{TestSites.Open}__Webhooks__1__Secret"] = Secret,
            [$"Sites__{TestSites.Open}__Webhooks__1__Format"] = "Slack",
            [$"Sites__{TestSites.Premoderated}__Webhooks__0__Url"] = _receiver.Url("pre"),
            [$"Sites__{TestSites.Premoderated}__Webhooks__0__Secret"] = Secret,
            // This hook chose "published" only (held, reported and decided hooks: Moderation/Events).
            [$"Sites__{TestSites.Premoderated}__Webhooks__0__Events__0"] = "published",
            ["Outbox__PollMilliseconds"] = "50",
            ["Outbox__RetryBaseSeconds"] = "0.2",
            ["Outbox__RetryMaxSeconds"] = "1",
        });
        await _service.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
    }

    private sealed class HookedService(StoreBackend? backend, IReadOnlyDictionary<string, string> settings) : ServiceFixture(backend, settings);
}

/// <summary>Webhooks on published comments: signed, one per hook per comment, retried until the receiver takes it; a published-only hook hears nothing of a held comment.</summary>
public sealed class WebhookTests(WebhookReceiverService fixture) : IClassFixture<WebhookReceiverService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<Delivery>> WaitForAsync(Func<Delivery, bool> match, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var found = fixture.Deliveries.Where(match).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(50, Ct);
        }
        return fixture.Deliveries.Where(match).ToList();
    }

    [Fact]
    public async Task A_published_comment_calls_each_hook_once_signed_with_the_public_comment_and_no_email_or_ip()
    {
        using var client = fixture.Service.CreateClient();
        var thread = TestSites.NewThread("hook");
        var published = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Hooked <b>comment</b> & more.", "Hana Hook", "hana@example.com"));
        var id = published.GetProperty("id").GetString()!;

        var deliveries = await WaitForAsync(d => d.Id.StartsWith($"webhook:{id}.", StringComparison.Ordinal), 2);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.True(d.SignatureValid, $"bad signature on {d.Path}"));
        Assert.All(deliveries, d => Assert.Equal("comment.published", d.Event));
        Assert.All(deliveries, d => Assert.InRange(d.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()));
        var json = deliveries.Single(d => d.Path == "json").Body;
        Assert.Equal(TestSites.Open, json.GetProperty("site").GetString());
        Assert.Equal(thread, json.GetProperty("thread").GetString());
        Assert.Equal(id, json.GetProperty("comment").GetProperty("id").GetString());
        Assert.Equal("Hana Hook", json.GetProperty("comment").GetProperty("authorName").GetString());
        var slack = deliveries.Single(d => d.Path == "slack").Body.GetProperty("text").GetString()!;
        Assert.Contains("New comment by Hana Hook", slack);
        Assert.Contains("&amp; more", slack);
        foreach (var d in deliveries)
        {
            var raw = d.Body.GetRawText();
            Assert.DoesNotContain("hana@example.com", raw);
            Assert.DoesNotContain("127.0.0.1", raw);
        }
    }

    [Fact]
    public async Task A_hook_that_fails_is_retried_until_it_takes_the_delivery_and_the_other_hook_is_not_called_twice()
    {
        using var client = fixture.Service.CreateClient();
        fixture.FailNext(3);
        var published = await client.PublishAsync(TestSites.Open, TestSites.NewThread("hook"), TestApi.Reply("Retried until it lands."));
        var id = published.GetProperty("id").GetString()!;

        var deliveries = await WaitForAsync(d => d.Id.StartsWith($"webhook:{id}.", StringComparison.Ordinal), 2);
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(2, deliveries.Select(d => d.Id).Distinct().Count());
        Assert.All(deliveries, d => Assert.True(d.SignatureValid));
    }

    [Fact]
    public async Task A_held_comment_calls_no_hook_until_a_moderator_publishes_it()
    {
        using var client = fixture.Service.CreateClient();
        using var moderator = fixture.Service.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread("hook");
        var stays = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Held, and it stays held."));
        var approved = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Held, then approved."));
        await moderator.ActOkAsync(TestSites.Premoderated, approved, "approve");

        var deliveries = await WaitForAsync(d => d.Id.StartsWith($"webhook:{approved}.", StringComparison.Ordinal), 1);
        Assert.Equal("pre", Assert.Single(deliveries).Path);
        // The worker takes a site's items in due order: had the held one been queued, it would have come first.
        Assert.DoesNotContain(fixture.Deliveries, d => d.Id.StartsWith($"webhook:{stays}.", StringComparison.Ordinal));
    }
}
