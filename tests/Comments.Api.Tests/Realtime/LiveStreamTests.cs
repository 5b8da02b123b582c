using Comments.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Tests.Realtime;

/// <summary>The live stream on one node, over real WebSockets, once per backend (the backplane is always on).</summary>
public abstract class LiveStreamTests(ServiceFixture fixture)
{
    private const string PosterEmail = "poster.private@example.com";

    [Fact]
    public async Task A_reader_receives_a_comment_posted_over_http_in_the_public_shape_then_the_new_count()
    {
        var thread = TestSites.NewThread();
        var ip = UniqueIp();
        await using var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        await reader.JoinAsync(TestSites.Open, thread);
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Live *hello*", email: PosterEmail), forwardedFor: ip);
        var posted = await response.JsonAsync();
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);

        var live = await reader.NextAsync("commentPublished");
        // The public comment, field for field, and the thread's count after it.
        Assert.Equal(posted.EnumerateObject().Select(p => p.Name).Append("count").Order(), live.EnumerateObject().Select(p => p.Name).Order());
        foreach (var field in posted.EnumerateObject().Select(p => p.Name))
            Assert.Equal(posted.GetProperty(field).GetRawText(), live.GetProperty(field).GetRawText());
        Assert.Equal(1, live.GetProperty("count").GetInt64());
        reader.AssertNoneContains(PosterEmail, ip);
    }

    [Fact]
    public async Task Readers_of_another_thread_or_of_the_same_thread_id_on_another_site_receive_nothing()
    {
        var thread = TestSites.NewThread();
        var otherThread = TestSites.NewThread();
        await using var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        await using var otherThreadReader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        await using var otherSiteReader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        await reader.JoinAsync(TestSites.Open, thread);
        await otherThreadReader.JoinAsync(TestSites.Open, otherThread);
        await otherSiteReader.JoinAsync(TestSites.Anonymous, thread);
        using var client = fixture.CreateClient();

        var comment = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Only for this thread"));
        Assert.Equal(comment.GetProperty("id").GetString(), (await reader.NextAsync("commentPublished")).GetProperty("id").GetString());
        // The events of one thread go out in order; a comment on each other group afterwards is a
        // marker: if the first comment had leaked to them, it would have reached them before it.
        var markerOtherThread = await client.PublishAsync(TestSites.Open, otherThread, TestApi.Reply("Marker for the other thread"));
        var markerOtherSite = await client.PublishAsync(TestSites.Anonymous, thread, TestApi.Reply("Marker for the other site"));

        Assert.Equal(markerOtherThread.GetProperty("id").GetString(), (await otherThreadReader.NextAsync("commentPublished")).GetProperty("id").GetString());
        Assert.Equal(markerOtherSite.GetProperty("id").GetString(), (await otherSiteReader.NextAsync("commentPublished")).GetProperty("id").GetString());
        Assert.Equal(1, Assert.Single(reader.Received).Payload.GetProperty("count").GetInt64());
        reader.AssertNoneContains("ann@example.com", "127.0.0.1");
    }

    [Fact]
    public async Task A_comment_held_for_moderation_is_never_sent_to_readers()
    {
        var heldThread = TestSites.NewThread();
        var markerThread = TestSites.NewThread();
        await using var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
        await reader.JoinAsync(TestSites.Premoderated, heldThread);
        await reader.JoinAsync(TestSites.Open, markerThread);
        using var client = fixture.CreateClient();

        using var held = await client.PostAsync(TestSites.Premoderated, heldThread, TestApi.Reply("Waits for a moderator", email: PosterEmail));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, held.StatusCode);
        var marker = await client.PublishAsync(TestSites.Open, markerThread, TestApi.Reply("Marker after the held one"));

        var first = await reader.NextAsync("commentPublished");
        Assert.Equal(marker.GetProperty("id").GetString(), first.GetProperty("id").GetString());
        Assert.Equal(markerThread, first.GetProperty("threadId").GetString());
        reader.AssertNoneContains(PosterEmail, "Waits for a moderator");
    }

    [Fact]
    public async Task Joining_an_unknown_site_or_a_malformed_thread_is_refused_with_a_stable_code_and_no_internals()
    {
        await using var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);

        var unknownSite = await Assert.ThrowsAsync<HubException>(() => reader.JoinAsync("no-such-site", "t-1"));
        var badThread = await Assert.ThrowsAsync<HubException>(() => reader.JoinAsync(TestSites.Open, "bad thread/<id>"));

        Assert.Contains("realtime.unknown_site: No such site.", unknownSite.Message);
        Assert.Contains("realtime.bad_thread: Not a valid thread id.", badThread.Message);
        foreach (var message in new[] { unknownSite.Message, badThread.Message })
        {
            Assert.DoesNotContain(" at ", message);
            Assert.DoesNotContain("Comments.", message);
        }
        // A refused join does not end the connection.
        await reader.JoinAsync(TestSites.Open, TestSites.NewThread());
    }

    private static string UniqueIp() => $"198.51.100.{Random.Shared.Next(1, 255)}";
}

public sealed class LiveStreamOnGarnet(GarnetService fixture) : LiveStreamTests(fixture);

public sealed class LiveStreamOnRedis(RedisService fixture) : LiveStreamTests(fixture);
