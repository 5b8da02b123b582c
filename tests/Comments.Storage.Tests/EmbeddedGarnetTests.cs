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

    /// <summary>
    /// The hash index starts at 1m (an index sized for the whole capacity held ~12 MB more at idle) and
    /// Garnet grows it as keys arrive, up to 1/128 of the capacity: no key is refused on the way.
    /// </summary>
    [Fact]
    public async Task The_key_index_starts_small_and_grows_as_keys_arrive_keeping_every_key()
    {
        using var garnet = Start();
        long IndexBytes() => long.Parse(garnet.StoreInfo()["IndexMemorySizeBytes"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1L << 20, IndexBytes());

        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
        var db = redis.GetDatabase();
        // 200,000 keys: ~12 per bucket of a 1m index (16,384 buckets of 7), so its overflow passes the resize threshold.
        const int keys = 200_000;
        for (var from = 0; from < keys; from += 10_000)
            await Task.WhenAll(Enumerable.Range(from, 10_000).Select(i => db.StringSetAsync($"c:{{s}}:k{i}", "v")));

        // Garnet looks every 5 s: wait for the reading, bounded.
        var deadline = TimeProvider.System.GetTimestamp() + TimeProvider.System.TimestampFrequency * 60;
        while (IndexBytes() <= 1L << 20 && TimeProvider.System.GetTimestamp() < deadline) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(IndexBytes() > 1L << 20, $"the index did not grow: {IndexBytes()} bytes");
        Assert.Equal(keys, (long)await db.ExecuteAsync("DBSIZE"));
        Assert.Equal("v", (string?)await db.StringGetAsync("c:{s}:k199999"));
    }

    [Fact]
    public void A_second_store_on_a_folder_in_use_refuses_to_start_and_names_the_folder()
    {
        using var first = Start();
        var refused = Assert.Throws<StoreStartException>(Start);
        Assert.Contains(Path.GetFullPath(_dataDir), refused.Message);
    }
}
