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

    [Fact]
    public async Task The_openapi_document_describes_every_public_endpoint()
    {
        using var client = fixture.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/sites/{site}/threads/{thread}/comments",
            "/api/sites/{site}/comments/{id}",
            "/api/sites/{site}/counts",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI has no {path}");
        }
        var post = paths.GetProperty("/api/sites/{site}/threads/{thread}/comments").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("202", out _));
    }

    [Fact]
    public void The_http_file_exercises_every_endpoint_of_the_openapi_document()
    {
        var http = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Comments.Api", "Comments.Api.http"));
        foreach (var route in new[]
        {
            "POST {{base}}/api/sites/{{site}}/threads/{{thread}}/comments",
            "GET {{base}}/api/sites/{{site}}/threads/{{thread}}/comments",
            "GET {{base}}/api/sites/{{site}}/comments/",
            "GET {{base}}/api/sites/{{site}}/counts?",
            "GET {{base}}/health/live",
            "GET {{base}}/health/ready",
            "GET {{base}}/openapi/v1.json",
        })
        {
            Assert.Contains(route, http);
        }
    }
}
