using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Webhooks;

namespace Comments.Api.Tests.Moderation.Events;

/// <summary>
/// Held, reported and decided webhooks against a real receiver that checks each signature: each event once
/// per hook that chose it, none to a hook that did not, and none for a change that lost its race.
/// </summary>
public abstract partial class ModerationEventsTests(ModerationEventsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private WebhookReceiver Receiver => fixture.Receiver;
    private const string AuthorEmail = "hal-held@example.com", AuthorIp = "203.0.113.77";

    private static string? CommentOf(Delivery d) =>
        d.Body.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;

    /// <summary>
    /// A later held comment's delivery on the same hook: the worker takes a site's items in due order, so
    /// everything queued before it (retries of earlier items aside) was handled by then.
    /// </summary>
    private async Task DrainPremoderatedAsync(HttpClient client)
    {
        var sentinel = await client.HoldAsync(TestSites.Premoderated, TestSites.NewThread("drain"), TestApi.Reply("Sentinel, queued last."));
        Assert.Single(await Receiver.WaitForAsync(d => d.Id == $"webhook.held-{sentinel}.hook0", 1, Ct));
    }

    [Fact]
    public async Task A_held_comment_reaches_the_hooks_that_chose_held_once_signed_and_never_the_published_only_hook()
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread("held-hook");
        var id = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Held & hooked, <b>please</b> review.", "Hal Held", AuthorEmail), forwardedFor: AuthorIp);

        var held = await Receiver.WaitForAsync(d => d.Id.StartsWith($"webhook.held-{id}.", StringComparison.Ordinal), 2, Ct);
        await moderator.ActOkAsync(TestSites.Premoderated, id, "approve");
        var decidedJson = Assert.Single(await Receiver.WaitForAsync(d => d.Path == "pre-all" && d.Event == "comment.decided" && CommentOf(d) == id, 1, Ct));
        var decisionItem = decidedJson.Id[..decidedJson.Id.LastIndexOf('.')];
        await Receiver.WaitForAsync(d => d.Id == $"{decisionItem}.hook2", 1, Ct);
        await Receiver.WaitForAsync(d => d.Id == $"webhook:{id}.hook1", 1, Ct);
        await DrainPremoderatedAsync(client);

        held = Receiver.Deliveries.Where(d => d.Id.StartsWith($"webhook.held-{id}.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["pre-all", "pre-slack"], held.Select(d => d.Path).Order());
        Assert.All(held, d => Assert.Equal("comment.held", d.Event));
        var json = held.Single(d => d.Path == "pre-all").Body;
        Assert.Equal("comment.held", json.GetProperty("event").GetString());
        Assert.Equal(TestSites.Premoderated, json.GetProperty("site").GetString());
        Assert.Equal(thread, json.GetProperty("thread").GetString());
        Assert.Equal(id, json.GetProperty("comment").GetString());
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("reasons").ValueKind);
        Assert.InRange(json.GetProperty("at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var slackHeld = held.Single(d => d.Path == "pre-slack").Body.GetProperty("text").GetString()!;
        Assert.Contains("The comment by Hal Held on", slackHeld);
        Assert.Contains("is held for moderation", slackHeld);

        var decided = Receiver.Deliveries.Where(d => d.Id.StartsWith(decisionItem + ".", StringComparison.Ordinal)).ToList();
        Assert.All(decided, d => Assert.Equal("comment.decided", d.Event));
        Assert.Equal(["pre-all", "pre-slack"], decided.Select(d => d.Path).Order());
        var decision = decided.Single(d => d.Path == "pre-all").Body;
        Assert.Equal("approve", decision.GetProperty("action").GetString());
        Assert.Equal("olivia", decision.GetProperty("moderator").GetString());
        Assert.Equal("pending", decision.GetProperty("before").GetString());
        Assert.Equal("published", decision.GetProperty("status").GetString());
        Assert.Contains("olivia approved the comment by Hal Held", decided.Single(d => d.Path == "pre-slack").Body.GetProperty("text").GetString());

        // The published-only hook heard of the comment once: when it was published, never while held or decided.
        var toPublishedOnly = Receiver.Deliveries.Where(d => d.Path == "pre-published" && d.Id.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal("comment.published", Assert.Single(toPublishedOnly).Event);
        Assert.DoesNotContain(Receiver.Deliveries, d => d.Path == "pre-slack" && d.Event == "comment.published");

        foreach (var d in held.Concat(decided).Concat(toPublishedOnly))
        {
            Assert.True(d.SignatureValid, $"bad signature on {d.Path} {d.Id}");
            var raw = d.Body.GetRawText();
            Assert.DoesNotContain(AuthorEmail, raw);
            Assert.DoesNotContain(AuthorIp, raw);
            Assert.DoesNotContain(TestModerators.OpenKey, raw);
        }
    }

    [Fact]
    public async Task Each_reader_flag_reaches_the_reported_hook_once_and_only_the_flag_at_the_threshold_says_reported()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("flag-hook");
        var id = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Flag me twice, at once."))).GetProperty("id").GetString()!;

        // Two readers at once reach the threshold (2): both flags count, exactly one of them reports the comment.
        var flags = await Task.WhenAll(
            client.FlagAsync(TestSites.Open, id, "spam", "198.51.100.21"),
            client.FlagAsync(TestSites.Open, id, "offensive", "198.51.100.22"));
        Assert.All(flags, f => Assert.Equal(HttpStatusCode.Accepted, f.StatusCode));
        using var again = await client.FlagAsync(TestSites.Open, id, "spam", "198.51.100.21");
        var reported = await Receiver.WaitForAsync(d => d.Path == "open-reported" && CommentOf(d) == id, 2, Ct);

        // Drain: a later flag's delivery on the same site comes after every item queued before it.
        var later = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("A later comment, flagged once."))).GetProperty("id").GetString()!;
        using var laterFlag = await client.FlagAsync(TestSites.Open, later, "other", "198.51.100.23");
        await Receiver.WaitForAsync(d => d.Path == "open-reported" && CommentOf(d) == later, 1, Ct);

        reported = Receiver.Deliveries.Where(d => d.Path == "open-reported" && CommentOf(d) == id).ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.True(d.SignatureValid));
        Assert.All(reported, d => Assert.Equal("comment.reported", d.Event));
        Assert.Equal([1L, 2L], reported.Select(d => d.Body.GetProperty("flags").GetInt64()).Order());
        Assert.True(reported.Single(d => d.Body.GetProperty("flags").GetInt64() == 2).Body.GetProperty("reported").GetBoolean());
        Assert.False(reported.Single(d => d.Body.GetProperty("flags").GetInt64() == 1).Body.GetProperty("reported").GetBoolean());
        Assert.Equal(["offensive", "spam"], reported.Select(d => d.Body.GetProperty("reason").GetString()!).Order());
        Assert.All(reported, d => Assert.DoesNotContain("198.51.100.", d.Body.GetRawText()));
        // The open site's only hook chose "reported": it never hears of published comments.
        Assert.DoesNotContain(Receiver.Deliveries, d => d.Path == "open-reported" && d.Event != "comment.reported");
    }

    [Fact]
    public async Task Concurrent_decisions_queue_one_decided_event_per_decision_written_and_none_for_the_attempts_that_lost()
    {
        using var client = fixture.CreateClient();
        var id = await client.HoldAsync(TestSites.Premoderated, TestSites.NewThread("race-hook"), TestApi.Reply("Everyone decides at once."));
        string[] actions = ["approve", "reject", "spam", "delete", "approve", "reject", "spam", "delete"];
        var moderators = actions.Select(_ => fixture.CreateModeratorClient(TestModerators.OpenKey)).ToList();
        var answers = await Task.WhenAll(actions.Select((a, i) => moderators[i].ActAsync(TestSites.Premoderated, id, a, a == "reject" ? "offensive" : null)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        moderators.ForEach(m => m.Dispose());

        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var audit = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/audit?comment={id}");
        var written = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToList();
        Assert.NotEmpty(written);
        await Receiver.WaitForAsync(d => d.Path == "pre-all" && d.Event == "comment.decided" && CommentOf(d) == id, written.Count, Ct);
        await DrainPremoderatedAsync(client);

        var decided = Receiver.Deliveries.Where(d => d.Path == "pre-all" && d.Event == "comment.decided" && CommentOf(d) == id).ToList();
        Assert.Equal(written.Order(), decided.Select(d => d.Body.GetProperty("action").GetString()!).Order());
        Assert.Equal(decided.Count, decided.Select(d => d.Id).Distinct().Count());
    }
}

public sealed class ModerationEventsOnGarnet(GarnetModerationEvents fixture) : ModerationEventsTests(fixture), IClassFixture<GarnetModerationEvents>;

public sealed class ModerationEventsOnRedis(RedisModerationEvents fixture) : ModerationEventsTests(fixture), IClassFixture<RedisModerationEvents>;
