using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>Who may use the moderation API: a key for the site, nothing less.</summary>
public abstract class ModerationAuthTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_key_the_moderation_api_answers_401_missing_key()
    {
        using var anonymous = fixture.CreateClient();

        using var response = await anonymous.GetAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/queue/pending", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.missing_key");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_key_answers_401_invalid_key_and_shows_nothing()
    {
        using var stranger = fixture.CreateModeratorClient(TestModerators.OpenKey + "x");

        using var queue = await stranger.GetAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/queue/pending", Ct);
        using var act = await stranger.ActAsync(TestSites.Open, "1", "approve");

        await queue.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_key");
        await act.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_key");
    }

    [Fact]
    public async Task A_moderator_of_one_site_gets_403_on_another_site()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var id = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Not yours to see"));
        using var otherSite = fixture.CreateModeratorClient(TestModerators.AnonKey);

        using var queue = await otherSite.GetAsync($"{ModerationTestApi.SitePath(TestSites.Premoderated)}/queue/pending", Ct);
        using var act = await otherSite.ActAsync(TestSites.Premoderated, id, "approve");

        await queue.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden_site");
        await act.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden_site");
        Assert.Empty(await client.ReaderIdsAsync(TestSites.Premoderated, thread));
    }

    [Fact]
    public async Task Me_lists_the_sites_a_key_may_moderate_and_an_admin_sees_every_site()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);

        var me = await moderator.GetJsonAsync("/api/moderation/me");
        var root = await admin.GetJsonAsync("/api/moderation/me");

        Assert.Equal("olivia", me.GetProperty("name").GetString());
        Assert.Equal("moderator", me.GetProperty("role").GetString());
        Assert.Equal([TestSites.Open, TestSites.Premoderated],
            me.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order().ToArray());
        Assert.Equal("admin", root.GetProperty("role").GetString());
        var adminSites = root.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(TestSites.Anonymous, adminSites);
        Assert.Contains(TestSites.Open, adminSites);
    }

    [Fact]
    public async Task The_public_api_stays_anonymous()
    {
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread();

        await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("No key needed to comment"));

        Assert.Single(await reader.ReaderIdsAsync(TestSites.Open, thread));
    }
}

public sealed class ModerationAuthOnGarnet(GarnetService fixture) : ModerationAuthTests(fixture);

public sealed class ModerationAuthOnRedis(RedisService fixture) : ModerationAuthTests(fixture);
