using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Scaling;

/// <summary>
/// Several real service processes on one store (redis-server, or a Redis Cluster in the cluster
/// subset): what must hold when a load balancer spreads one thread's traffic over them.
/// </summary>
public sealed class ManyNodesTests : IAsyncDisposable
{
    private readonly ServiceNodes _nodes = new();

    /// <summary>
    /// Found by bench/chaos/cluster-failover.sh: with two nodes posting to one thread, a new comment
    /// with a text nobody had posted was answered 409 comment.duplicate. The save is one WATCHed
    /// transaction; another node's save to the same thread between WATCH and EXEC aborts it, and the
    /// abort was read as "the text is already there".
    /// </summary>
    [Fact]
    public async Task Comments_posted_at_once_through_two_nodes_to_one_thread_are_all_created_and_all_listed()
    {
        StoreBackend.SkipUnlessRedis();
        var nodes = new[] { await StartNodeAsync(), await StartNodeAsync() };
        var clients = nodes.Select(n => n.CreateClient()).ToArray();
        var thread = TestSites.NewThread("nodes");
        const int writers = 8, each = 12;

        var answers = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var codes = new List<(HttpStatusCode Status, string Body)>();
            for (var i = 0; i < each; i++)
            {
                using var response = await clients[(w + i) % 2].PostAsync(TestSites.Open, thread, TestApi.Reply($"writer {w} comment {i} {Guid.NewGuid():N}"));
                codes.Add((response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
            }
            return codes;
        }));

        var refused = answers.SelectMany(a => a).Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} of {writers * each} refused, e.g. {refused.FirstOrDefault()}");
        var listed = await clients[0].GetJsonAsync($"{TestApi.CommentsPath(TestSites.Open, thread)}?limit=200");
        Assert.Equal(writers * each, listed.GetProperty("count").GetInt64());
        foreach (var client in clients) client.Dispose();
    }

    /// <summary>
    /// The post limit was kept by each node in its memory, so behind a balancer over two nodes an
    /// address could post twice its allowance. It is counted in the store now.
    /// </summary>
    [Fact]
    public async Task The_post_limit_of_an_address_is_one_allowance_across_nodes()
    {
        StoreBackend.SkipUnlessRedis();
        const int limit = 4;
        var settings = new Dictionary<string, string> { ["RateLimits__PostsPerMinute"] = $"{limit}" };
        var nodes = new[] { await StartNodeAsync(settings), await StartNodeAsync(settings) };
        var clients = nodes.Select(n => n.CreateClient()).ToArray();
        var reader = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";
        // Each node's first post is slow (cold paths, cluster topology): take it from another address first,
        // so the posts below run in a few seconds. The allowance is per UTC minute: start where they cannot
        // straddle two windows (CI once saw the fifth post land in the next minute).
        for (var n = 0; n < clients.Length; n++)
            (await clients[n].PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply($"warm-up {n}"), forwardedFor: $"10.255.255.{n + 1}")).Dispose();
        var intoMinute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000;
        if (intoMinute > 30_000) await Task.Delay(TimeSpan.FromMilliseconds(60_000 - intoMinute + 100), TestContext.Current.CancellationToken);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * limit; i++)
        {
            using var response = await clients[i % 2].PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply($"post {i}"), forwardedFor: reader);
            codes.Add(response.StatusCode);
            if (i == limit) await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, limit).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, limit)), codes);
        foreach (var client in clients) client.Dispose();
    }

    private Task<ServiceProcess> StartNodeAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        _nodes.StartAsync(StoreBackend.Redis!.RedisAddress, embeddedPort: 0, settings);

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}
