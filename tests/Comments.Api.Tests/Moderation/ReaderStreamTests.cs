using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>
/// Moderator actions reach readers live, through the real moderation API, the real event path
/// and a real SignalR connection on each store: approve → commentPublished (+ count), edit →
/// commentUpdated, reject or delete of a published comment → commentRemoved (+ count). The
/// poster's email and IP never travel with any of it.
/// </summary>
public abstract class ReaderStreamTests(ServiceFixture fixture)
{
    private const string PosterEmail = "moderated.poster@example.com";
    private const string PosterIp = "203.0.113.77";

    [Fact]
    public async Task Readers_following_a_thread_receive_approvals_edits_and_removals_as_they_happen()
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        await using var reader = await ReaderStream.ConnectAsync(fixture.Service.BaseAddress, TestSites.Premoderated, thread);
        var id = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Waiting for approval", email: PosterEmail), PosterIp);

        await moderator.ActOkAsync(TestSites.Premoderated, id, "approve");
        var published = await reader.WaitAsync("commentPublished", id);
        await moderator.ActOkAsync(TestSites.Premoderated, id, "edit", text: "Approved and *edited*");
        var updated = await reader.WaitAsync("commentUpdated", id);
        await moderator.ActOkAsync(TestSites.Premoderated, id, "reject", "off-topic");
        var removed = await reader.WaitAsync("commentRemoved", id);

        Assert.Equal("<p>Waiting for approval</p>", published.GetProperty("html").GetString());
        Assert.Equal(1, published.GetProperty("count").GetInt64());
        Assert.Equal("<p>Approved and <em>edited</em></p>", updated.GetProperty("html").GetString());
        Assert.Equal(["count", "cursor", "id", "threadId"], removed.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(thread, removed.GetProperty("threadId").GetString());
        Assert.Equal(0, removed.GetProperty("count").GetInt64());
        Assert.DoesNotContain(reader.Received, m => m.Kind == "countChanged");
        AssertNothingPrivate(reader);
    }

    [Theory]
    [InlineData("reject", "spam")]
    [InlineData("delete", null)]
    public async Task A_moderator_removing_a_published_comment_removes_it_from_readers_with_only_id_thread_and_cursor(string action, string? reason)
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        await using var reader = await ReaderStream.ConnectAsync(fixture.Service.BaseAddress, TestSites.Open, thread);
        var kept = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Stays"))).GetProperty("id").GetString()!;
        using var posted = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("To be removed by a moderator", email: PosterEmail), forwardedFor: PosterIp);
        var id = (await posted.JsonAsync()).GetProperty("id").GetString()!;
        var published = await reader.WaitAsync("commentPublished", id);
        var cursor = published.GetProperty("cursor").GetString();
        Assert.Equal(2, published.GetProperty("count").GetInt64());

        await moderator.ActOkAsync(TestSites.Open, id, action, reason);

        var removed = await reader.WaitAsync("commentRemoved", id);
        Assert.Equal(["count", "cursor", "id", "threadId"], removed.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(thread, removed.GetProperty("threadId").GetString());
        Assert.Equal(cursor, removed.GetProperty("cursor").GetString());
        Assert.Equal(1, removed.GetProperty("count").GetInt64());
        Assert.Equal([kept], await client.ReaderIdsAsync(TestSites.Open, thread));
        Assert.DoesNotContain(reader.Received, m => m.Kind == "commentRemoved" && m.Payload.GetProperty("id").GetString() == kept);
        AssertNothingPrivate(reader);
    }

    private static void AssertNothingPrivate(ReaderStream reader)
    {
        foreach (var (kind, payload) in reader.Received)
        {
            var raw = payload.GetRawText();
            Assert.False(raw.Contains(PosterEmail, StringComparison.OrdinalIgnoreCase) || raw.Contains(PosterIp, StringComparison.Ordinal),
                $"{kind} carried the poster's email or IP: {raw}");
            Assert.False(payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("authorEmail", out _), $"{kind} has authorEmail: {raw}");
        }
    }
}

public sealed class ReaderStreamOnGarnet(GarnetService fixture) : ReaderStreamTests(fixture);

public sealed class ReaderStreamOnRedis(RedisService fixture) : ReaderStreamTests(fixture);
