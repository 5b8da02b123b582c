using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// The hard durability promise: eight writers post without pause while the store's process is
/// killed with SIGKILL ten times on one data folder, then everything is restarted in order; every
/// comment that got a 201 or a 202 is still there, as itself, for its readers and its author.
/// (bench/chaos/kill-cycles.sh runs the same with more cycles and prints the figures.)
/// </summary>
public sealed class KillCycleTests
{
    private const int Writers = 8;
    private const int Cycles = 10;
    private const int AcknowledgedPerCycle = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <param name="commitMilliseconds">Storage:EmbeddedAofCommitMilliseconds: 0 commits after every write, 1 commits the writes of each millisecond together.</param>
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task On_embedded_garnet_nothing_acknowledged_is_lost_across_ten_kill_9_cycles_under_eight_writers(string commitMilliseconds)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-cycles-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                ["Storage__EmbeddedAofCommitMilliseconds"] = commitMilliseconds,
            };
            var acks = new Acknowledgements();
            for (var cycle = 0; cycle < Cycles; cycle++)
            {
                // Each start recovers what the previous kill left, then takes writes again on the same folder.
                await using var service = await ServiceProcess.StartAsync(env);
                using var stop = new CancellationTokenSource();
                var enough = acks.WaitForMoreAsync(AcknowledgedPerCycle, Patience);
                var writers = Enumerable.Range(0, Writers)
                    .Select(w => acks.WriteAsync(service.BaseAddress, $"cycle {cycle} writer {w}", untilUnreachable: true, stop.Token))
                    .ToArray();
                await enough;
                await service.KillAsync();
                await Task.WhenAll(writers);
            }

            await RestartInOrderAsync(env);
            await using var last = await ServiceProcess.StartAsync(env);
            await AssertNoneLostAsync(acks, last);
            Assert.True(acks.Count >= Cycles * AcknowledgedPerCycle);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task On_redis_nothing_acknowledged_is_lost_across_ten_kill_9_cycles_of_redis_server_under_eight_writers()
    {
        StoreBackend.SkipUnlessRedis(); // the Redis variants run where redis-server is installed (.ci/run)
        await using var redis = await RedisServerProcess.StartAsync();
        var dataDir = Directory.CreateTempSubdirectory("comments-cycles-").FullName;
        try
        {
            var env = TestSites.Environment(dataDir, redis.Address, FreePort.Next());
            var acks = new Acknowledgements();
            await using (var service = await ServiceProcess.StartAsync(env))
            {
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers)
                    .Select(w => acks.WriteAsync(service.BaseAddress, $"writer {w}", untilUnreachable: false, stop.Token))
                    .ToArray();
                for (var cycle = 0; cycle < Cycles; cycle++)
                {
                    await acks.WaitForMoreAsync(AcknowledgedPerCycle, Patience);
                    await redis.KillAndRestartAsync();
                }
                await acks.WaitForMoreAsync(AcknowledgedPerCycle, Patience); // writes resumed by themselves
                await stop.CancelAsync();
                await Task.WhenAll(writers);
                Assert.Equal(0, await service.StopAsync(Patience));
            }

            await redis.RestartInOrderAsync();
            await using var last = await ServiceProcess.StartAsync(env);
            await AssertNoneLostAsync(acks, last);
            Assert.True(acks.Count >= (Cycles + 1) * AcknowledgedPerCycle);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task AssertNoneLostAsync(Acknowledgements acks, ServiceProcess service)
    {
        var lost = await acks.FindLostAsync(service.BaseAddress);
        Assert.True(lost.Count == 0, $"{lost.Count} of {acks.Count} acknowledged comments lost:\n{string.Join('\n', lost.Take(10))}");
    }

    /// <summary>A start and a stop by SIGTERM with no writes: the path a deploy or a reboot takes.</summary>
    private static async Task RestartInOrderAsync(IReadOnlyDictionary<string, string> env)
    {
        await using var service = await ServiceProcess.StartAsync(env);
        Assert.Equal(0, await service.StopAsync(Patience));
    }
}
