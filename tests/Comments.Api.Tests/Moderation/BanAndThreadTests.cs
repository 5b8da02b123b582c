using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>Bans take effect on the next submission; closing a thread stops new comments.</summary>
public abstract class BanAndThreadTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Bans => $"{ModerationTestApi.SitePath(TestSites.Open)}/bans";

    [Fact]
    public async Task An_email_ban_rejects_the_next_submission_quietly_and_lifting_it_publishes_again()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var email = $"troll-{Guid.NewGuid():N}@example.com";

        using var ban = await moderator.PostAsJsonAsync(Bans, new { kind = "email", value = email, reason = "trolling" }, Ct);
        var banned = await ban.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        Assert.Equal("email", banned.GetProperty("kind").GetString());
        Assert.DoesNotContain(email, banned.GetProperty("shown").GetString());

        var id = await reader.HoldAsync(TestSites.Open, thread, TestApi.Reply("I am back", "Troll", email));
        var item = await moderator.ItemAsync(TestSites.Open, id);
        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "ban.email");

        using var lift = await moderator.PostAsJsonAsync($"{Bans}/lift", new { kind = "email", value = email }, Ct);
        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Behaving now", "Troll", email));
    }

    [Fact]
    public async Task The_ban_list_shows_bans_in_force_with_emails_masked_and_lifts_one_by_its_id()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var email = $"listed-{Guid.NewGuid():N}@example.com";
        var name = $"Listed {Guid.NewGuid():N}";
        using (var ban = await moderator.PostAsJsonAsync(Bans, new { kind = "email", value = email, reason = "listed", expiresAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct))
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        using (var ban = await moderator.PostAsJsonAsync(Bans, new { kind = "name", value = name }, Ct))
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);

        using var listed = await moderator.GetAsync(Bans, Ct);
        var raw = await listed.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(email, raw);
        var bans = (await listed.JsonAsync()).GetProperty("bans").EnumerateArray().ToList();
        var byEmail = bans.Single(b => b.GetProperty("reason").GetString() == "listed");
        Assert.Equal("email", byEmail.GetProperty("kind").GetString());
        Assert.Equal("l***@example.com", byEmail.GetProperty("shown").GetString());
        Assert.Equal("olivia", byEmail.GetProperty("by").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, byEmail.GetProperty("expiresAt").ValueKind);
        Assert.Contains(bans, b => b.GetProperty("shown").GetString() == name);

        using var lift = await moderator.PostAsJsonAsync($"{Bans}/lift", new { id = byEmail.GetProperty("id").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        using var after = await moderator.GetAsync(Bans, Ct);
        Assert.DoesNotContain((await after.JsonAsync()).GetProperty("bans").EnumerateArray(), b => b.GetProperty("reason").GetString() == "listed");
        await reader.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("Unbanned from the list", "Listed", email));

        using var again = await moderator.PostAsJsonAsync($"{Bans}/lift", new { id = byEmail.GetProperty("id").GetString() }, Ct);
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "moderation.ban_not_found", field: "id");
        using var malformed = await moderator.PostAsJsonAsync($"{Bans}/lift", new { id = "nonsense" }, Ct);
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", field: "id");
    }

    [Fact]
    public async Task An_ip_ban_taken_from_a_comment_applies_to_that_address_only()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        var ip = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var first = await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("From a bad address", "Ivan", $"i-{Guid.NewGuid():N}@example.com"));
        // The comment above came from loopback; post one from the address to ban.
        using var fromAddress = await reader.PostAsync(TestSites.Open, thread, TestApi.Reply("Spam from afar", "Ivan", $"i-{Guid.NewGuid():N}@example.com"), forwardedFor: ip);
        var id = (await fromAddress.JsonAsync()).GetProperty("id").GetString()!;

        using var ban = await moderator.PostAsJsonAsync(Bans, new { kind = "ip", commentId = id, expiresAt = DateTimeOffset.UtcNow.AddHours(1) }, Ct);
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        Assert.Equal(ip, (await ban.JsonAsync()).GetProperty("shown").GetString());

        var held = await reader.HoldAsync(TestSites.Open, thread, TestApi.Reply("Again from afar", "Other", $"o-{Guid.NewGuid():N}@example.com"), forwardedFor: ip);
        Assert.Equal("rejected", (await moderator.ItemAsync(TestSites.Open, held)).GetProperty("status").GetString());
        using var elsewhere = await reader.PostAsync(TestSites.Open, thread, TestApi.Reply("From somewhere else", "Other", $"o-{Guid.NewGuid():N}@example.com"),
            forwardedFor: "198.51.100.77");
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromAddress.StatusCode);
        Assert.NotNull(first.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_date_or_a_list_of_the_wrong_kind_is_a_400_wrong_type_naming_the_field_not_invalid_unicode()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var site = ModerationTestApi.SitePath(TestSites.Open);

        using var date = await moderator.PostAsync(Bans, Json("{\"kind\": \"name\", \"value\": \"Spammy\", \"expiresAt\": \"next tuesday\"}"), Ct);
        using var ids = await moderator.PostAsync($"{site}/actions", Json("{\"ids\": {\"a\": 1}, \"action\": \"approve\"}"), Ct);

        await date.AssertProblemAsync(HttpStatusCode.BadRequest, "request.wrong_type", "expiresAt");
        await ids.AssertProblemAsync(HttpStatusCode.BadRequest, "request.wrong_type", "ids");
    }

    private static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_name_ban_with_an_expiry_in_the_past_or_a_bad_kind_answers_400()
    {
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);

        using var past = await moderator.PostAsJsonAsync(Bans, new { kind = "name", value = "Spammy", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Ct);
        using var kind = await moderator.PostAsJsonAsync(Bans, new { kind = "hat", value = "x" }, Ct);
        using var both = await moderator.PostAsJsonAsync(Bans, new { kind = "ip", value = "192.0.2.1", commentId = "1" }, Ct);
        using var badIp = await moderator.PostAsJsonAsync(Bans, new { kind = "ip", value = "not-an-ip" }, Ct);

        await past.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "expiresAt");
        await kind.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "kind");
        await both.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "value");
        await badIp.AssertProblemAsync(HttpStatusCode.BadRequest, "moderation.invalid", "value");
    }

    [Fact]
    public async Task A_name_ban_rejects_the_next_comment_under_that_name()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var name = $"Nemo {Guid.NewGuid():N}";

        using var ban = await moderator.PostAsJsonAsync(Bans, new { kind = "name", value = name }, Ct);
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);

        var id = await reader.HoldAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("Hello", name, $"n-{Guid.NewGuid():N}@example.com"));
        Assert.Equal("rejected", (await moderator.ItemAsync(TestSites.Open, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Closing_a_thread_answers_new_comments_409_thread_closed_and_reopening_takes_them_again()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Before closing"));

        using var close = await moderator.PostAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/threads/{thread}/close", null, Ct);
        Assert.True((await close.JsonAsync()).GetProperty("closed").GetBoolean());
        using var refused = await reader.PostAsync(TestSites.Open, thread, TestApi.Reply("After closing"));
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "comment.thread_closed", "thread");

        using var reopen = await moderator.PostAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/threads/{thread}/reopen", null, Ct);
        Assert.False((await reopen.JsonAsync()).GetProperty("closed").GetBoolean());
        await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("After reopening"));

        var audit = await moderator.GetJsonAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/audit?limit=200");
        var actions = audit.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("threadId").GetString() == thread).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["reopen", "close"], actions);
    }
}

public sealed class BanAndThreadOnGarnet(GarnetService fixture) : BanAndThreadTests(fixture);

public sealed class BanAndThreadOnRedis(RedisService fixture) : BanAndThreadTests(fixture);
