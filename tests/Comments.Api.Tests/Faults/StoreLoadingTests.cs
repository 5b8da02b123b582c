using System.Diagnostics;
using System.Net;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Faults;

/// <summary>
/// redis-server answers <c>LOADING</c> while it reads its data back after a restart. That is a
/// store not ready yet: 503 + Retry-After, as for a store that is down, never a 500.
/// </summary>
public sealed class StoreLoadingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_redis_that_is_loading_its_data_answers_503_with_retry_after_and_the_service_heals_after()
    {
        StoreBackend.SkipUnlessRedis();
        var dataDir = Directory.CreateTempSubdirectory("comments-loading-").FullName;
        await using var redis = await RedisServerProcess.StartAsync(
            "--appendonly", "no", "--enable-debug-command", "yes", "--loading-process-events-interval-bytes", "1024");
        var port = redis.Port;
        try
        {
            await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.Address},allowAdmin=true,syncTimeout=60000,asyncTimeout=60000");
            var db = admin.GetDatabase();
            await using var service = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, $"127.0.0.1:{port}", 0));
            using var client = service.CreateClient();
            await client.PublishAsync(TestSites.Open, TestSites.NewThread("loading"), TestApi.Reply("Before the reload"));

            // A data set that takes seconds to load: what a restart of a large store looks like.
            await db.ExecuteAsync("DEBUG", "POPULATE", "20000");
            await db.ExecuteAsync("CONFIG", "SET", "key-load-delay", "300");
            var reload = db.ExecuteAsync("DEBUG", "RELOAD");
            await WaitUntilLoadingAsync(port);

            using var refused = await client.PostAsync(TestSites.Open, TestSites.NewThread("loading"), TestApi.Reply("While it loads"));
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "server.store_unavailable");
            Assert.NotNull(refused.Headers.RetryAfter);

            await reload.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await db.ExecuteAsync("CONFIG", "SET", "key-load-delay", "0");
            await client.PublishAsync(TestSites.Open, TestSites.NewThread("loading"), TestApi.Reply("After the reload"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Asks redis-server over a plain socket (no client handshake to trip on) until it answers LOADING.</summary>
    private static async Task WaitUntilLoadingAsync(int port)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token);
        var buffer = new byte[256];
        while (true)
        {
            await socket.SendAsync("GET loading-probe\r\n"u8.ToArray(), deadline.Token);
            var read = await socket.ReceiveAsync(buffer, deadline.Token);
            if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("-LOADING", StringComparison.Ordinal)) return;
        }
    }
}
