using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>
/// Moderator actions reach readers live: approve → commentPublished, edit → commentUpdated,
/// reject → commentRemoved. Needs the readers' hub; skipped (saying so) where it is not built in.
/// </summary>
public abstract class ReaderStreamTests(ServiceFixture fixture)
{
    [Fact]
    public async Task Readers_following_a_thread_receive_approvals_edits_and_removals_as_they_happen()
    {
        using var client = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();
        await using var reader = await ReaderStream.TryConnectAsync(fixture.Service.BaseAddress, TestSites.Premoderated, thread);
        if (reader is null) Assert.Skip($"This build has no readers' hub at {ReaderStream.HubPath} (it comes with the live stream).");
        var id = await client.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Waiting for approval"));

        await moderator.ActOkAsync(TestSites.Premoderated, id, "approve");
        var published = await reader.WaitAsync("commentPublished", id);
        await moderator.ActOkAsync(TestSites.Premoderated, id, "edit", text: "Approved and *edited*");
        var updated = await reader.WaitAsync("commentUpdated", id);
        await moderator.ActOkAsync(TestSites.Premoderated, id, "reject", "off-topic");
        var removed = await reader.WaitAsync("commentRemoved", id);

        Assert.Equal("<p>Waiting for approval</p>", published.GetProperty("html").GetString());
        Assert.Equal("<p>Approved and <em>edited</em></p>", updated.GetProperty("html").GetString());
        Assert.Equal(thread, removed.GetProperty("threadId").GetString());
        Assert.False(published.TryGetProperty("authorEmail", out _));
    }
}

public sealed class ReaderStreamOnGarnet(GarnetService fixture) : ReaderStreamTests(fixture);

public sealed class ReaderStreamOnRedis(RedisService fixture) : ReaderStreamTests(fixture);
