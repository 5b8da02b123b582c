using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Realtime;

/// <summary>
/// Two real service processes on two loopback ports sharing one store: the Redis backplane
/// carries a comment posted to node B to a reader connected to node A.
/// </summary>
public sealed class TwoNodeTests : IAsyncDisposable
{
    private readonly ServiceNodes _nodes = new();

    [Fact]
    public async Task A_reader_on_node_a_receives_a_comment_posted_to_node_b_when_both_share_redis_server()
    {
        StoreBackend.SkipUnlessRedis();
        var redis = StoreBackend.Redis!.RedisAddress;
        var nodeA = await StartNodeAsync(redis, embeddedPort: 0);
        var nodeB = await StartNodeAsync(redis, embeddedPort: 0);

        await AssertCrossNodeDeliveryAsync(nodeA, nodeB);
    }

    [Fact]
    public async Task A_reader_on_node_a_receives_a_comment_posted_to_node_b_when_b_uses_the_garnet_embedded_in_a()
    {
        var garnetPort = FreePort.Next();
        var nodeA = await StartNodeAsync(redis: null, garnetPort);
        var nodeB = await StartNodeAsync(redis: $"127.0.0.1:{garnetPort}", embeddedPort: 0);

        await AssertCrossNodeDeliveryAsync(nodeA, nodeB);
    }

    private static async Task AssertCrossNodeDeliveryAsync(ServiceProcess nodeA, ServiceProcess nodeB)
    {
        var thread = TestSites.NewThread();
        await using var readerOnA = await LiveReader.ConnectAsync(nodeA.BaseAddress);
        await using var readerOnB = await LiveReader.ConnectAsync(nodeB.BaseAddress);
        await readerOnA.JoinAsync(TestSites.Open, thread);
        await readerOnB.JoinAsync(TestSites.Open, thread);
        using var clientOfB = nodeB.CreateClient();

        var posted = await clientOfB.PublishAsync(TestSites.Open, thread, TestApi.Reply("Posted to node B"));

        var id = posted.GetProperty("id").GetString();
        // Exactly once per reader, the count inside: a second comment is the very next message.
        var second = await clientOfB.PublishAsync(TestSites.Open, thread, TestApi.Reply("Posted to node B again"));
        foreach (var reader in new[] { readerOnA, readerOnB })
        {
            var first = await reader.NextAsync("commentPublished");
            Assert.Equal((id, 1), (first.GetProperty("id").GetString(), first.GetProperty("count").GetInt64()));
            var next = await reader.NextAsync("commentPublished");
            Assert.Equal((second.GetProperty("id").GetString(), 2), (next.GetProperty("id").GetString(), next.GetProperty("count").GetInt64()));
        }
        readerOnA.AssertNoneContains("ann@example.com", "127.0.0.1");
        readerOnB.AssertNoneContains("ann@example.com", "127.0.0.1");
    }

    private Task<ServiceProcess> StartNodeAsync(string? redis, int embeddedPort) => _nodes.StartAsync(redis, embeddedPort);

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}
