using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Hardening;

/// <summary>
/// Idempotency: a retry with the same key and the same request gets the first answer; the same
/// key with another request is refused with 422 (IETF Idempotency-Key draft) and learns nothing
/// of the first request: not its id, its text, nor its author token.
/// </summary>
public abstract class IdempotencyTests(ServiceFixture fixture)
{
    [Fact]
    public async Task A_key_reused_with_another_body_is_a_422_that_reveals_nothing_of_the_first_request()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("idem");
        var key = Guid.NewGuid().ToString("N");
        using var first = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("The first author's words.", "First Author", "first@example.com"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.JsonAsync()).GetProperty("id").GetString()!;
        var token = first.Headers.GetValues("Author-Token").Single();

        using var second = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Someone else entirely.", "Second", "second@example.com"), key);
        var body = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "request.idempotency_key_reused");
        Assert.False(second.Headers.Contains("Author-Token"));
        Assert.Null(second.Headers.Location);
        Assert.DoesNotContain(token, body);
        Assert.DoesNotContain("first author", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"\"{id}\"", body);

        // The same request again still gets the first answer.
        using var retry = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("The first author's words.", "First Author", "first@example.com"), key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(id, (await retry.JsonAsync()).GetProperty("id").GetString());
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
        Assert.Equal(1, page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_key_reused_on_another_thread_is_a_422()
    {
        using var client = fixture.CreateClient();
        var key = Guid.NewGuid().ToString("N");
        using var first = await client.PostAsync(TestSites.Premoderated, TestSites.NewThread("idem"), TestApi.Reply("Held words."), key);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var other = TestSites.NewThread("idem");
        using var second = await client.PostAsync(TestSites.Premoderated, other, TestApi.Reply("Held words."), key);
        await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "request.idempotency_key_reused");
        Assert.Empty(await fixture.KeysOfThreadAsync(TestSites.Premoderated, other));
    }
}

public sealed class IdempotencyOnGarnet(GarnetService fixture) : IdempotencyTests(fixture);

public sealed class IdempotencyOnRedis(RedisService fixture) : IdempotencyTests(fixture);
