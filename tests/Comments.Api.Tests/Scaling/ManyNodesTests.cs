using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Scaling;

/// <summary>
/// Several real service processes on one store (redis-server, or a Redis Cluster in the cluster
/// subset): what must hold when a load balancer spreads one thread's traffic over them.
/// </summary>
public sealed class ManyNodesTests : IAsyncDisposable
{
    private readonly List<string> _dataDirs = [];
    private readonly List<ServiceProcess> _nodes = [];

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

    private async Task<ServiceProcess> StartNodeAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-node-").FullName;
        _dataDirs.Add(dataDir);
        var node = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, StoreBackend.Redis!.RedisAddress, embeddedPort: 0));
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        foreach (var dir in _dataDirs) Directory.Delete(dir, recursive: true);
    }
}
