using StackExchange.Redis;

namespace Comments.Storage.Tests;

/// <summary>The embedded store itself: durable in its folder, and the folder is one process's at a time.</summary>
public sealed class EmbeddedGarnetTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("comments-garnet-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private EmbeddedGarnet Start() => GarnetStore.Start(_dataDir);

    [Fact]
    public async Task What_was_acknowledged_is_there_after_the_store_restarts_on_the_same_folder()
    {
        using (var garnet = Start())
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("c:{s}:kept", "yes");
            await redis.GetDatabase().HashSetAsync(RedisKeys.Moderators(), "digest", "{}");
        }

        using var again = Start();
        await using var reopened = await ConnectionMultiplexer.ConnectAsync(again.ConnectionString);
        Assert.Equal("yes", (string?)await reopened.GetDatabase().StringGetAsync("c:{s}:kept"));
        Assert.Equal("{}", (string?)await reopened.GetDatabase().HashGetAsync(RedisKeys.Moderators(), "digest"));
    }

    [Fact]
    public void While_the_store_runs_the_thread_pool_keeps_enough_workers_that_a_write_never_waits_for_one()
    {
        using var garnet = Start();
        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= new StorageOptions().EmbeddedMinWorkerThreads, $"minimum worker threads {workers}");
    }

    [Fact]
    public void A_second_store_on_a_folder_in_use_refuses_to_start_and_names_the_folder()
    {
        using var first = Start();
        var refused = Assert.Throws<StoreStartException>(Start);
        Assert.Contains(Path.GetFullPath(_dataDir), refused.Message);
    }
}
