using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Hardening;

/// <summary>
/// Key safety: no id a reader sends can name a key of another thread or comment. Thread ids may
/// contain ':' (the widget turns page paths into them), so a thread "X:published" must live
/// beside thread X without touching X's keys, in whichever order the two are written.
/// </summary>
public abstract class KeySafetyTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> Suffixes() => new()
    {
        { "published", false }, { "all", false }, { "digests", false }, { "likes", false },
        { "published", true }, { "all", true }, { "digests", true }, { "likes", true },
        { "x:published", false }, { "comment:1", false }, { "seq", false },
    };

    [Theory]
    [MemberData(nameof(Suffixes))]
    public async Task A_thread_named_after_another_threads_key_leaves_both_threads_working(string suffix, bool suffixFirst)
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("key");
        var other = $"{thread}:{suffix}";
        var first = suffixFirst ? other : thread;
        var second = suffixFirst ? thread : other;

        await client.PublishAsync(TestSites.Open, first, TestApi.Reply($"First on {first}."));
        var liked = await client.PublishAsync(TestSites.Open, second, TestApi.Reply($"First on {second}."));
        using var like = await client.PostAsync($"/api/sites/{TestSites.Open}/comments/{liked.GetProperty("id").GetString()}/likes",
            System.Net.Http.Json.JsonContent.Create(new { reader = "reader-token-0123456789" }), Ct);
        Assert.Equal(HttpStatusCode.OK, like.StatusCode);
        await client.PublishAsync(TestSites.Open, first, TestApi.Reply($"Second on {first}."));
        await client.PublishAsync(TestSites.Open, second, TestApi.Reply($"Second on {second}."));

        foreach (var t in new[] { thread, other })
        {
            var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, t));
            Assert.Equal(2, page.GetProperty("count").GetInt64());
            Assert.All(page.GetProperty("comments").EnumerateArray(),
                c => Assert.EndsWith($" on {t}.</p>", c.GetProperty("html").GetString()));
            var likes = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/threads/{t}/likes");
            Assert.Equal(t == second ? 1 : 0, likes.GetProperty("likes").EnumerateObject().Count());
        }
        var counts = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/counts?thread={thread}&thread={other}");
        Assert.Equal(2, counts.GetProperty("counts").GetProperty(thread).GetInt64());
        Assert.Equal(2, counts.GetProperty("counts").GetProperty(other).GetInt64());
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a{b}")]
    [InlineData("a*")]
    [InlineData("%E2%80%AEevil")]
    public async Task A_thread_id_outside_the_pattern_is_a_400_everywhere_and_stores_nothing(string raw)
    {
        using var client = fixture.CreateClient();
        var path = $"/api/sites/{TestSites.Open}/threads/{raw}";
        using var post = await client.PostAsync(path + "/comments", System.Net.Http.Json.JsonContent.Create(TestApi.Reply("Hello.")), Ct);
        await post.AssertProblemAsync(HttpStatusCode.BadRequest, "thread.invalid_id", "thread");
        using var get = await client.GetAsync(path + "/comments", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        using var likes = await client.GetAsync(path + "/likes", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, likes.StatusCode);
    }

    [Theory]
    [InlineData("1:2")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("123456789012345678901")]
    public async Task A_comment_id_outside_the_pattern_is_a_404_or_403_and_never_a_500(string id)
    {
        using var client = fixture.CreateClient();
        var site = $"/api/sites/{TestSites.Open}/comments/{id}";
        using var get = await client.GetAsync(site, Ct);
        await get.AssertProblemAsync(HttpStatusCode.NotFound, "comment.not_found");
        foreach (var what in new[] { "edit", "delete", "status" })
        {
            using var change = await client.PostAsync($"{site}/{what}",
                System.Net.Http.Json.JsonContent.Create(new { token = "x", text = "t" }), Ct);
            Assert.True(change.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{what}: {(int)change.StatusCode}");
        }
    }

    [Theory]
    [InlineData("key with space")]
    [InlineData("k123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task An_idempotency_key_outside_the_pattern_is_a_400_and_stores_nothing(string key)
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("key");
        var request = new HttpRequestMessage(HttpMethod.Post, TestApi.CommentsPath(TestSites.Open, thread))
        {
            Content = System.Net.Http.Json.JsonContent.Create(TestApi.Reply("Hello.")),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "comment.invalid", "Idempotency-Key");
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Open, thread));
    }
}

public sealed class KeySafetyOnGarnet(GarnetService fixture) : KeySafetyTests(fixture);

public sealed class KeySafetyOnRedis(RedisService fixture) : KeySafetyTests(fixture);
