using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Stats;

/// <summary>The admin numbers, from real submissions and moderators' actions on a site of their own.</summary>
public abstract class SiteStatsTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string StatsPath(string query = "") => $"{ModerationTestApi.SitePath(TestSites.Stats)}/stats{query}";

    [Fact]
    public async Task An_admin_sees_todays_decisions_the_held_queue_and_how_moderators_judged_the_holds()
    {
        using var reader = fixture.CreateClient();
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);
        // A store kept from an earlier run may hold today's counts already: everything is read as a change.
        var before = await admin.GetJsonAsync(StatsPath("?days=7"));
        var thread = TestSites.NewThread("stats");
        var approved = await reader.HoldAsync(TestSites.Stats, thread, TestApi.Reply("Held, then approved."));
        var rejected = await reader.HoldAsync(TestSites.Stats, thread, TestApi.Reply("Held, then rejected."));
        await reader.HoldAsync(TestSites.Stats, thread, TestApi.Reply("Still waiting."));
        await admin.ActOkAsync(TestSites.Stats, approved, "approve");
        await admin.ActOkAsync(TestSites.Stats, rejected, "reject", "off-topic");
        await admin.ActOkAsync(TestSites.Stats, approved, "delete");

        // The counters ride the event path: wait until the last action is counted (a deadline, no fixed sleep).
        JsonElement after = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            after = await admin.GetJsonAsync(StatsPath("?days=7"));
            if (Today(after, "moderatorActions") - Today(before, "moderatorActions") == 3) break;
            await Task.Delay(100, Ct);
        }

        Assert.Equal(7, after.GetProperty("days").GetInt32());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), after.GetProperty("perDay")[6].GetProperty("day").GetString());
        Assert.Equal(3, Today(after, "pending") - Today(before, "pending"));
        Assert.Equal(0, Today(after, "published") - Today(before, "published"));
        Assert.Equal(3, Today(after, "moderatorActions") - Today(before, "moderatorActions"));
        Assert.Equal(1, Held(after) - Held(before));
        Assert.True(after.GetProperty("held").GetProperty("oldestAgeSeconds").GetInt64() >= 0);
        Assert.Equal(1, Agreement(after, "confirmed") - Agreement(before, "confirmed"));
        Assert.Equal(1, Agreement(after, "overturned") - Agreement(before, "overturned"));
        Assert.Equal(1, after.GetProperty("overturnedPublished").GetInt64() - before.GetProperty("overturnedPublished").GetInt64());
        Assert.All(after.GetProperty("agreement").EnumerateArray(), a => Assert.Equal("site.pre_moderation", a.GetProperty("reason").GetString()));
    }

    private static long Today(JsonElement numbers, string field) => numbers.GetProperty("perDay")[6].GetProperty(field).GetInt64();

    private static long Held(JsonElement numbers) => numbers.GetProperty("held").GetProperty("pending").GetInt64();

    private static long Agreement(JsonElement numbers, string field) =>
        numbers.GetProperty("agreement").EnumerateArray().Where(a => a.GetProperty("reason").GetString() == "site.pre_moderation")
            .Sum(a => a.GetProperty(field).GetInt64());

    [Fact]
    public async Task Only_an_admin_key_reads_the_numbers_and_a_bad_day_count_is_refused()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);

        using var notAdmin = await moderator.GetAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/stats", Ct);
        using var zero = await admin.GetAsync(StatsPath("?days=0"), Ct);
        using var tooMany = await admin.GetAsync(StatsPath("?days=367"), Ct);

        await notAdmin.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.admin_required");
        await zero.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "days");
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, "request.bad_query", "days");
    }
}

public sealed class SiteStatsOnGarnet(GarnetService fixture) : SiteStatsTests(fixture);

public sealed class SiteStatsOnRedis(RedisService fixture) : SiteStatsTests(fixture);
