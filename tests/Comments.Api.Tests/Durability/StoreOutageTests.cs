using System.Diagnostics;
using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// The store dies under a running service and comes back: meanwhile writes are a 503
/// ProblemDetails with Retry-After and readiness is 503; afterwards the service heals by itself
/// (no restart) and writes succeed, with what was acknowledged before the outage still there.
/// </summary>
public sealed class StoreOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_redis_server_is_killed_and_restarted_the_service_answers_503_then_heals_and_writes_again()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("comments-outage-").FullName;
        try
        {
            await using var service = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, $"{redis.Address},connectTimeout=1000,syncTimeout=2000", FreePort.Next()));
            using var client = service.CreateClient();
            var thread = TestSites.NewThread("outage");
            var before = (await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Before the outage."))).GetProperty("id").GetString();

            await redis.KillAsync();

            using var during = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("During the outage."));
            await during.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "server.store_unavailable");
            Assert.True(during.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, "a 503 without Retry-After");
            using var ready = await client.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            await redis.StartAgainAsync();

            // The service reconnects on its own; retry as a client told "Retry-After" would, until it heals.
            var clock = Stopwatch.StartNew();
            string? after = null;
            var attempt = 0;
            while (after is null)
            {
                using var retry = await client.PostAsync(TestSites.Open, thread, TestApi.Reply($"After the outage ({++attempt})."));
                if (retry.StatusCode == HttpStatusCode.Created) after = (await retry.JsonAsync()).GetProperty("id").GetString();
                else
                {
                    await retry.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "server.store_unavailable");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"still 503 {clock.Elapsed.TotalSeconds:F0} s after redis-server came back");
                    await Task.Delay(250, Ct);
                }
            }

            var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread));
            Assert.Equal([before, after], page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            using var readyAgain = await client.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
            Assert.False(service.HasExited);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
