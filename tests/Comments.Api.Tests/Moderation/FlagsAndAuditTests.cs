using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>Reader flags feed the reported queue; every decision is in the audit log.</summary>
public abstract class FlagsAndAuditTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_the_site_threshold_a_flagged_comment_enters_the_reported_queue_and_stays_visible()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var id = (await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Controversial take"))).GetProperty("id").GetString()!;

        using var first = await reader.FlagAsync(TestSites.Open, id, "abusive", "192.0.2.10");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.DoesNotContain(id, (await moderator.QueueAsync(TestSites.Open, "reported", thread)).Ids());
        using var again = await reader.FlagAsync(TestSites.Open, id, "abusive", "192.0.2.10");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "flag.already_flagged");
        using var second = await reader.FlagAsync(TestSites.Open, id, "offensive", "192.0.2.11");
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        var reported = await moderator.QueueAsync(TestSites.Open, "reported", thread);
        var item = Assert.Single(reported.GetProperty("items").EnumerateArray());
        Assert.Equal(TestModerators.OpenFlagThreshold, item.GetProperty("flags").EnumerateObject().Sum(f => f.Value.GetInt64()));
        Assert.True(item.GetProperty("reported").GetBoolean());
        Assert.Equal([id], await reader.ReaderIdsAsync(TestSites.Open, thread));

        await moderator.ActOkAsync(TestSites.Open, id, "approve");
        Assert.Empty((await moderator.QueueAsync(TestSites.Open, "reported", thread)).Ids());
        Assert.Equal([id], await reader.ReaderIdsAsync(TestSites.Open, thread));
    }

    [Fact]
    public async Task Flags_need_a_known_reason_and_a_published_comment()
    {
        using var reader = fixture.CreateClient();
        var held = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Not public yet"));

        using var noReason = await reader.FlagAsync(TestSites.Open, "1", "boring", "192.0.2.20");
        using var hidden = await reader.FlagAsync(TestSites.Premoderated, held, "spam", "192.0.2.20");
        using var missing = await reader.FlagAsync(TestSites.Open, "999999999", "spam", "192.0.2.20");

        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "flag.invalid", "reason");
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
    }

    [Fact]
    public async Task Every_decision_is_audited_with_who_when_and_before_and_after_newest_first()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        var id = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Audit trail"));
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);

        await moderator.ActOkAsync(TestSites.Premoderated, id, "reject", "off-topic");
        await admin.ActOkAsync(TestSites.Premoderated, id, "approve");

        var audit = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/audit?comment={id}");
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("approve", "ada", "rejected", "published"), Summary(entries[0]));
        Assert.Equal(("reject", "olivia", "pending", "rejected"), Summary(entries[1]));
        Assert.Equal("off-topic", entries[1].GetProperty("reason").GetString());
        Assert.True(entries[1].GetProperty("at").GetDateTimeOffset() > started);

        var firstPage = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/audit?comment={id}&limit=1");
        var next = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/audit?comment={id}&limit=1&cursor={next}");
        Assert.Equal("reject", secondPage.GetProperty("entries")[0].GetProperty("action").GetString());
        using var bad = await moderator.GetAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/audit?comment=abc", Ct);
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "comment");
    }

    private static (string?, string?, string?, string?) Summary(System.Text.Json.JsonElement e) =>
        (e.GetProperty("action").GetString(), e.GetProperty("moderator").GetString(),
         e.GetProperty("before").GetProperty("status").GetString(), e.GetProperty("after").GetProperty("status").GetString());
}

public sealed class FlagsAndAuditOnGarnet(GarnetService fixture) : FlagsAndAuditTests(fixture);

public sealed class FlagsAndAuditOnRedis(RedisService fixture) : FlagsAndAuditTests(fixture);
