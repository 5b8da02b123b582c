using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Limits;

/// <summary>
/// The site's flood window holds the address and the email apart: changing the email does not
/// let the same address post again, and changing the address (the trusted proxy forwards a
/// different reader IP) does not let the same email post again. On both stores.
/// </summary>
public abstract class FloodControlTests(ServiceFixture fixture)
{
    [Fact]
    public async Task The_same_address_with_a_different_email_is_still_inside_the_flood_window()
    {
        using var client = fixture.CreateClient();
        var ip = UniqueIp();
        var thread = TestSites.NewThread();
        using var first = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("first", email: UniqueEmail()), forwardedFor: ip);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("second", email: UniqueEmail()), forwardedFor: ip);

        await second.AssertProblemAsync(HttpStatusCode.TooManyRequests, "comment.rate_limited");
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Single((await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Flood, thread))).GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task The_same_email_from_a_different_address_is_still_inside_the_flood_window()
    {
        using var client = fixture.CreateClient();
        var email = UniqueEmail();
        var thread = TestSites.NewThread();
        using var first = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("first", email: email), forwardedFor: UniqueIp());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("second", email: email.ToUpperInvariant()), forwardedFor: UniqueIp());

        await second.AssertProblemAsync(HttpStatusCode.TooManyRequests, "comment.rate_limited");
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task Another_address_and_email_is_not_held_back_by_someone_elses_window()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        using var first = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("first", email: UniqueEmail()), forwardedFor: UniqueIp());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsync(TestSites.Flood, thread, TestApi.Reply("second", email: UniqueEmail()), forwardedFor: UniqueIp());

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }

    [Fact]
    public async Task Of_concurrent_comments_by_one_author_only_one_is_stored_and_the_others_are_told_to_wait()
    {
        using var client = fixture.CreateClient();
        var ip = UniqueIp();
        var email = UniqueEmail();
        var thread = TestSites.NewThread();

        // The window is read before and opened by the save, on the condition that it is still closed:
        // posts that all read it closed still get one stored comment between them.
        var posts = Enumerable.Range(0, 8).Select(i =>
            client.PostAsync(TestSites.Flood, thread, TestApi.Reply($"concurrent number {(char)('a' + i)}", email: email), forwardedFor: ip)).ToList();
        var answers = await Task.WhenAll(posts);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "comment.rate_limited");
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        }
        Assert.Single((await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Flood, thread))).GetProperty("comments").EnumerateArray());
        foreach (var answer in answers) answer.Dispose();
    }

    private static string UniqueEmail() => $"flood-{Guid.NewGuid():N}@example.com";

    private static string UniqueIp()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return $"10.{bytes[0]}.{bytes[1]}.{bytes[2] % 250 + 1}";
    }
}

public sealed class FloodControlOnGarnet(GarnetService fixture) : FloodControlTests(fixture);

public sealed class FloodControlOnRedis(RedisService fixture) : FloodControlTests(fixture);
