using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Engagement;

/// <summary>Likes over HTTP against the real service and store.</summary>
public abstract class LikesTests(ServiceFixture fixture)
{
    private static string LikePath(string site, string id) => $"/api/sites/{site}/comments/{id}/likes";

    private static Task<HttpResponseMessage> LikeAsync(HttpClient client, string site, string id, string reader, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LikePath(site, id)) { Content = JsonContent.Create(new { reader }) };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Reader() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_reader_likes_a_comment_once_and_a_second_reader_adds_one_more()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("likes");
        var id = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Like me."))).GetProperty("id").GetString()!;
        var ann = Reader();

        using var first = await LikeAsync(client, TestSites.Open, id, ann);
        using var again = await LikeAsync(client, TestSites.Open, id, ann);
        using var other = await LikeAsync(client, TestSites.Open, id, Reader());

        Assert.Equal(1, (await first.JsonAsync()).GetProperty("likes").GetInt64());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await again.JsonAsync()).GetProperty("likes").GetInt64());
        Assert.Equal(2, (await other.JsonAsync()).GetProperty("likes").GetInt64());
        var counts = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/threads/{thread}/likes");
        Assert.Equal(2, counts.GetProperty("likes").GetProperty(id).GetInt64());
    }

    [Fact]
    public async Task One_address_cannot_farm_likes_with_fresh_tokens()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("likes");
        var id = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Farm me."))).GetProperty("id").GetString()!;
        const string address = "203.0.113.77";

        for (var i = 0; i < 5; i++)
        {
            using var ok = await LikeAsync(client, TestSites.Open, id, Reader(), address);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await LikeAsync(client, TestSites.Open, id, Reader(), address);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "like.rate_limited");
        var counts = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/threads/{thread}/likes");
        Assert.Equal(5, counts.GetProperty("likes").GetProperty(id).GetInt64());
    }

    [Fact]
    public async Task A_counted_like_reaches_the_threads_readers_live_through_the_event_path_and_a_repeated_like_sends_nothing()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("likes");
        await using var readers = await ReaderStream.ConnectAsync(fixture.Service.BaseAddress, TestSites.Open, thread);
        var id = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Like me live."))).GetProperty("id").GetString()!;
        var ann = Reader();

        using var first = await LikeAsync(client, TestSites.Open, id, ann);
        var one = await readers.WaitAsync("likesChanged", id);
        using var again = await LikeAsync(client, TestSites.Open, id, ann);
        using var other = await LikeAsync(client, TestSites.Open, id, Reader());
        var two = await readers.WaitAsync("likesChanged", p => p.GetProperty("id").GetString() == id && p.GetProperty("likes").GetInt64() == 2);

        Assert.Equal((TestSites.Open, thread, 1L), (one.GetProperty("site").GetString(), one.GetProperty("threadId").GetString(), one.GetProperty("likes").GetInt64()));
        Assert.Equal(thread, two.GetProperty("threadId").GetString());
        // A thread's events are delivered in order: a message for the repeated like would have come before the second count.
        Assert.Equal(2, readers.Received.Count(m => m.Kind == "likesChanged"));
    }

    [Fact]
    public async Task Likes_on_held_or_unknown_comments_and_bad_reader_tokens_are_refused()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("likes");
        using var held = await client.PostAsync(TestSites.Premoderated, thread, TestApi.Reply("Held, not likeable."));
        var heldId = (await held.JsonAsync()).GetProperty("id").GetString()!;

        using var onHeld = await LikeAsync(client, TestSites.Premoderated, heldId, Reader());
        await onHeld.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        using var unknown = await LikeAsync(client, TestSites.Open, "999999999", Reader());
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        using var badToken = await LikeAsync(client, TestSites.Open, heldId, "short");
        await badToken.AssertProblemAsync(HttpStatusCode.BadRequest, "like.invalid_reader", field: "reader");
    }
}

public sealed class LikesOnGarnet(GarnetService fixture) : LikesTests(fixture);

public sealed class LikesOnRedis(RedisService fixture) : LikesTests(fixture);
