using Comments.Api.Tests.Mail;
using Comments.Api.Tests.Webhooks;

namespace Comments.Api.Tests.Moderation.Events;

/// <summary>
/// The real service with mail to its own smtp4dev and webhooks to a real <see cref="WebhookReceiver"/>:
/// on the pre-moderated site one hook for every event, one for "published" only and a Slack one for
/// held and decided; on the open site one hook for "reported" only. Olivia (open and pre-moderated
/// sites) gets immediate alerts, coalesced over 10 s; Dora (the stats site, which only the digest test
/// uses) gets a digest every 12 s.
/// </summary>
public abstract class ModerationEventsFixture(StoreBackend? backend, int redisDatabase) : IAsyncLifetime
{
    public const string OliviaEmail = "olivia@moderators.example";
    public const string DoraEmail = "dora@moderators.example";
    public const string DoraKey = "mk_test_dora_digest_moderator_7c1";
    /// <summary>An immediate moderator of <see cref="TestSites.Shallow"/>, which in this service is pre-moderated and German (<c>Language: de</c>).</summary>
    public const string GretaEmail = "greta@moderators.example";
    public const double CoalesceSeconds = 10;

    private WebhookReceiver? _receiver;
    private Inner? _mail;

    public WebhookReceiver Receiver => _receiver ?? throw SkipNow();
    public MailFixture Mail => _mail ?? throw SkipNow();
    public Smtp4devProcess Smtp => Mail.Smtp;

    public HttpClient CreateClient() => Mail.CreateClient();

    public HttpClient CreateModeratorClient(string key)
    {
        var client = Mail.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        if (backend is null) return;
        _receiver = await WebhookReceiver.StartAsync();
        const string secret = WebhookReceiver.Secret;
        string pre = TestSites.Premoderated, open = TestSites.Open;
        _mail = new Inner(backend, redisDatabase, new Dictionary<string, string>
        {
            [$"Sites__{pre}__Webhooks__0__Url"] = _receiver.Url("pre-all"),
            [$"Sites__{pre}__Webhooks__0__Secret"] = secret,
            [$"Sites__{pre}__Webhooks__1__Url"] = _receiver.Url("pre-published"),
            [$"Sites__{pre}__Webhooks__1__Secret"] = secret,
            [$"Sites__{pre}__Webhooks__1__Events__0"] = "published",
            [$"Sites__{pre}__Webhooks__2__Url"] = _receiver.Url("pre-slack"),
            [$"Sites__{pre}__Webhooks__2__Secret"] = secret,
            [$"Sites__{pre}__Webhooks__2__Format"] = "Slack",
            [$"Sites__{pre}__Webhooks__2__Events__0"] = "held",
            [$"Sites__{pre}__Webhooks__2__Events__1"] = "decided",
            [$"Sites__{open}__Webhooks__0__Url"] = _receiver.Url("open-reported"),
            [$"Sites__{open}__Webhooks__0__Secret"] = secret,
            [$"Sites__{open}__Webhooks__0__Events__0"] = "reported",
            ["Moderation__Moderators__0__Email"] = OliviaEmail,
            ["Moderation__Moderators__0__Alerts"] = "Immediate",
            ["Moderation__Moderators__3__Name"] = "dora",
            ["Moderation__Moderators__3__KeyHash"] = TestModerators.Digest(DoraKey),
            ["Moderation__Moderators__3__Sites__0"] = TestSites.Stats,
            ["Moderation__Moderators__3__Email"] = DoraEmail,
            ["Moderation__Moderators__3__Alerts"] = "Digest",
            ["Moderation__Moderators__3__DigestMinutes"] = "0.2",
            [$"Sites__{TestSites.Shallow}__ModerationMode"] = "Pre",
            [$"Sites__{TestSites.Shallow}__Language"] = "de",
            ["Moderation__Moderators__4__Name"] = "greta",
            ["Moderation__Moderators__4__KeyHash"] = TestModerators.Digest("mk_test_greta_german_moderator_4e2"),
            ["Moderation__Moderators__4__Sites__0"] = TestSites.Shallow,
            ["Moderation__Moderators__4__Email"] = GretaEmail,
            ["Moderation__Moderators__4__Alerts"] = "Immediate",
            ["Moderation__AlertCoalesceSeconds"] = CoalesceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbox__RetryBaseSeconds"] = "0.2",
            ["Outbox__RetryMaxSeconds"] = "1",
        });
        await _mail.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_mail is not null) await _mail.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static Exception SkipNow()
    {
        StoreBackend.SkipUnlessRedis();
        return new InvalidOperationException("unreachable");
    }

    private sealed class Inner(StoreBackend backend, int database, IReadOnlyDictionary<string, string> settings) : MailFixture(backend, database, settings);
}

public sealed class GarnetModerationEvents() : ModerationEventsFixture(StoreBackend.Garnet, 0);

/// <summary>Database 15: Storage.Tests uses 13, the mail fixtures 12 and 14, the isolated stores 11 (test projects run side by side).</summary>
public sealed class RedisModerationEvents() : ModerationEventsFixture(StoreBackend.Redis, 15);
