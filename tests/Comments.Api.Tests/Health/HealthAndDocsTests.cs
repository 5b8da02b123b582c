using System.Net;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Health;

public sealed class HealthAndDocsTests(GarnetService fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_store_answers()
    {
        using var client = fixture.CreateClient();
        var live = await client.GetJsonAsync("/health/live");
        var ready = await client.GetJsonAsync("/health/ready");
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_answers_503_while_the_store_is_down_and_live_still_answers()
    {
        // A node pointed at a Redis port where nothing listens.
        var dataDir = Directory.CreateTempSubdirectory("comments-down-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, $"127.0.0.1:{FreePort.Next()},connectTimeout=500", 0));
            await using var service = await ServiceProcess.StartAsync(env);
            using var client = service.CreateClient();

            using var ready = await client.GetAsync("/health/ready", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var live = await client.GetAsync("/health/live", Ct);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

            using var post = await client.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("nobody home"));
            await post.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "server.store_unavailable");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
