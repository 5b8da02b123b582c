using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Limits;

/// <summary>
/// The per-IP request limits, really reached: a service allowing <see cref="RateLimitedService.PostsPerMinute"/>
/// posts a minute answers the next one with a 429 ProblemDetails and Retry-After, counts readers
/// by the address a trusted proxy forwards, and ignores X-Forwarded-For from anyone else.
/// </summary>
public sealed class RateLimitTests(RateLimitedService fixture) : IClassFixture<RateLimitedService>
{
    private const int Limit = RateLimitedService.PostsPerMinute;

    [Fact]
    public async Task Posting_past_the_per_minute_limit_is_a_429_problem_with_retry_after_for_that_reader_only()
    {
        using var client = fixture.CreateClient();
        var reader = UniqueIp();
        for (var i = 0; i < Limit; i++)
        {
            using var allowed = await client.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply($"post {i}"), forwardedFor: reader);
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }
        var thread = TestSites.NewThread();

        using var refused = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("one too many"), forwardedFor: reader);

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait is not null, "a 429 without Retry-After");
        Assert.InRange(wait!.Value.TotalSeconds, 1, 60);
        Assert.Empty((await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread))).GetProperty("comments").EnumerateArray());
        // Another reader behind the same (trusted) proxy has an allowance of their own.
        using var other = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("someone else"), forwardedFor: UniqueIp());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_a_peer_that_is_not_a_trusted_proxy_does_not_buy_a_new_allowance()
    {
        if (RateLimitedService.ExternalAddress is not { } external)
        {
            CiSkip.Now("This host has no non-loopback IPv4 address to connect from as an untrusted peer.");
            return;
        }
        using var client = fixture.CreateUntrustedClient(external);
        for (var i = 0; i < Limit; i++)
        {
            // A new "reader" each time: if the header were believed, each would have its own allowance.
            using var allowed = await client.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply($"spoofed {i}"), forwardedFor: UniqueIp());
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        using var refused = await client.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("spoofed again"), forwardedFor: UniqueIp());

        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    private static string UniqueIp()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return $"10.{bytes[0]}.{bytes[1]}.{bytes[2] % 250 + 1}";
    }
}
