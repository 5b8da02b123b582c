using System.Net;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using Comments.Api.Tests.Realtime;
using StackExchange.Redis;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// A node remembers thread versions (no store read per GET of a popular thread) and forgets them on the store's
/// thread-change messages. Two real service processes on one store, with the memory's max age set to an hour: a
/// change on A is seen on B only because A's write published it (or because B's subscription broke and B forgot all).
/// </summary>
public sealed class ThreadVersionsTwoNodeTests : IAsyncDisposable
{
    private const string LongMaxAge = "3600";
    private readonly ServiceNodes _nodes = new();

    [Fact]
    public async Task Node_b_shows_a_comment_and_a_removal_made_on_node_a_on_redis_server()
    {
        StoreBackend.SkipUnlessRedis();
        var redis = StoreBackend.Redis!.RedisAddress!;
        await AssertChangesReachBAsync(await StartNodeAsync(redis, 0), await StartNodeAsync(redis, 0));
    }

    [Fact]
    public async Task Node_b_shows_a_comment_and_a_removal_made_on_node_a_on_the_garnet_embedded_in_a()
    {
        var garnetPort = FreePort.Next();
        var nodeA = await StartNodeAsync(redis: null, garnetPort);
        var nodeB = await StartNodeAsync(redis: $"127.0.0.1:{garnetPort}", embeddedPort: 0);
        await AssertChangesReachBAsync(nodeA, nodeB);
    }

    [Fact]
    public async Task Node_b_does_not_keep_a_stale_version_after_its_subscription_was_killed_on_redis_server()
    {
        StoreBackend.SkipUnlessRedis();
        var redis = StoreBackend.Redis!.RedisAddress!;
        var nameOfB = $"node-b-{Guid.NewGuid():N}";
        var nodeA = await StartNodeAsync(redis, 0);
        var nodeB = await StartNodeAsync($"{redis},name={nameOfB}", 0);
        await AssertFreshAfterKillAsync(nodeA, nodeB, redis, async server =>
        {
            // Only B's subscription connection: other tests' nodes share this redis-server.
            foreach (var client in await server.ClientListAsync())
                if (client.Name == nameOfB && client.SubscriptionCount + client.PatternSubscriptionCount > 0)
                    await server.ExecuteAsync("CLIENT", "KILL", "ID", client.Id);
        });
    }

    private static async Task AssertChangesReachBAsync(ServiceProcess nodeA, ServiceProcess nodeB)
    {
        var thread = TestSites.NewThread();
        using var writerOnA = nodeA.CreateClient();
        using var moderatorOnA = nodeA.CreateClient();
        moderatorOnA.DefaultRequestHeaders.Authorization = new("Bearer", TestModerators.OpenKey);
        using var readerOnB = nodeB.CreateClient();
        var first = (await writerOnA.PublishAsync(TestSites.Open, thread, TestApi.Reply("first on A"))).GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await readerOnB.ReaderIdsAsync(TestSites.Open, thread)).SequenceEqual([first]));

        var second = (await writerOnA.PublishAsync(TestSites.Open, thread, TestApi.Reply("second on A"))).GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await readerOnB.ReaderIdsAsync(TestSites.Open, thread)).SequenceEqual([first, second]));

        await moderatorOnA.ActOkAsync(TestSites.Open, first, "delete");
        await EventuallyAsync(async () => (await readerOnB.ReaderIdsAsync(TestSites.Open, thread)).SequenceEqual([second]));
    }

    private static async Task AssertFreshAfterKillAsync(ServiceProcess nodeA, ServiceProcess nodeB, string store, Func<IServer, Task> killSubscriptionOfB)
    {
        var thread = TestSites.NewThread();
        using var writerOnA = nodeA.CreateClient();
        using var readerOnB = nodeB.CreateClient();
        var first = (await writerOnA.PublishAsync(TestSites.Open, thread, TestApi.Reply("before the kill"))).GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await readerOnB.ReaderIdsAsync(TestSites.Open, thread)).SequenceEqual([first]));

        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{store},allowAdmin=true");
        await killSubscriptionOfB(direct.GetServer(direct.GetEndPoints()[0]));
        // Published while B has no subscription: B never gets this message, and must not serve its old version for an hour.
        var second = (await writerOnA.PublishAsync(TestSites.Open, thread, TestApi.Reply("while B is deaf"))).GetProperty("id").GetString()!;
        await EventuallyAsync(async () => (await readerOnB.ReaderIdsAsync(TestSites.Open, thread)).SequenceEqual([first, second]));
    }

    /// <summary>Re-checks a condition that depends on a message between nodes, for at most <see cref="LiveReader.Patience"/>.</summary>
    internal static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(LiveReader.Patience);
        while (!await condition())
        {
            Assert.False(deadline.IsCancellationRequested, "the condition did not hold within the patience window");
            await Task.Yield();
        }
    }

    private Task<ServiceProcess> StartNodeAsync(string? redis, int embeddedPort) =>
        _nodes.StartAsync(redis, embeddedPort, new Dictionary<string, string> { ["ThreadCache__VersionMaxAgeSeconds"] = LongMaxAge });

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}

/// <summary>
/// A popular thread's GET (and its 304) sends the store no command at all: watched with MONITOR on redis-server,
/// which shows every command any client sends, so the thread's own id in none of them is proof.
/// </summary>
public sealed class ThreadVersionsHotReadTests(RedisService fixture)
{
    [Fact]
    public async Task A_hot_thread_is_served_and_revalidated_without_a_store_command()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread();
        await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("read me often"));
        var path = TestApi.CommentsPath(TestSites.Open, thread);
        var address = StoreBackend.Redis!.RedisAddress!;

        // The node trusts its memory once its subscription is proven: wait for the first GET that sends nothing.
        await ThreadVersionsTwoNodeTests.EventuallyAsync(async () =>
            (await CommandsNamingAsync(address, thread, async () => await client.GetJsonAsync(path))).Count == 0);

        var etag = await client.ReaderETagAsync(TestSites.Open, thread);
        var commands = await CommandsNamingAsync(address, thread, async () =>
        {
            for (var i = 0; i < 20; i++) await client.GetJsonAsync(path);
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
            revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var response = await client.SendAsync(revalidate, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        });
        Assert.Empty(commands);
    }

    /// <summary>The commands redis-server received while <paramref name="act"/> ran that name <paramref name="thread"/>.</summary>
    private static async Task<List<string>> CommandsNamingAsync(string address, string thread, Func<Task> act) =>
        (await StoreMonitor.CommandsDuringAsync(address, act)).Where(line => line.Contains(thread, StringComparison.Ordinal)).ToList();
}
