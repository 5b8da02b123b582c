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
    /// A kill -9 while the append-only file is being flushed can leave the file ending inside a record: the sector
    /// with a commit record's header and version was written, the next one (the rest of it) was not. Garnet 2.2.8
    /// then recovers none of its commits and serves without every write since the last checkpoint (seen as 45
    /// comments gone in a kill-cycle run). The image of such a folder is made here by hand.
    /// </summary>
    [Fact]
    public async Task A_commit_record_cut_off_by_the_end_of_the_append_only_file_costs_no_acknowledged_write()
    {
        var crashed = await CrashedCopyAsync();
        var tail = LogTail(AofOf(crashed));
        using (var file = new FileStream(AofOf(crashed), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(tail + 8);
            WriteTornCommitRecord(file, tail);
        }

        Assert.Equal(0, await MissingAfterRecoveryAsync(crashed));
    }

    /// <summary>
    /// The same crash, the other way: the sector was flushed while the commit record at the end was being filled in,
    /// so its header and version are on disk and the rest of it is zeros. Garnet 2.2.8 reads that as a valid commit
    /// "up to address 0" and starts its log afresh.
    /// </summary>
    [Fact]
    public async Task A_commit_record_flushed_before_it_was_filled_in_costs_no_acknowledged_write()
    {
        var crashed = await CrashedCopyAsync();
        var tail = LogTail(AofOf(crashed));
        using (var file = new FileStream(AofOf(crashed), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(Math.Max(file.Length, (tail + 4 + 40 + 511) / 512 * 512));
            WriteTornCommitRecord(file, tail);
        }

        Assert.Equal(0, await MissingAfterRecoveryAsync(crashed));
    }

    /// <summary>
    /// A torn commit record with more of the log after it (here a record at the start of the next page) is not a
    /// crash's tail, so it is left as it is; Garnet 2.2.8 then starts its log afresh, and the service refuses to start
    /// rather than serve without the writes since the last checkpoint.
    /// </summary>
    [Fact]
    public async Task A_start_that_recovers_less_than_the_last_commit_is_refused_and_names_the_folder()
    {
        var crashed = await CrashedCopyAsync();
        const int page = 2 * 1024 * 1024;
        var tail = LogTail(AofOf(crashed));
        using (var file = new FileStream(AofOf(crashed), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(page + 512);
            WriteTornCommitRecord(file, tail);
            file.Position = page;
            file.Write(BitConverter.GetBytes(8));
            file.Write(BitConverter.GetBytes(7L));
        }

        var refused = Assert.Throws<StoreStartException>(() => GarnetStore.Start(crashed));
        Assert.Contains("short of", refused.Message);
        Assert.Contains(Path.GetFullPath(crashed), refused.Message);
    }

    private const int Writes = 50;

    /// <summary>Acknowledged writes, then a copy of the live folder: what a kill -9 leaves on disk.</summary>
    private async Task<string> CrashedCopyAsync()
    {
        var crashed = Path.Combine(_dataDir, "crashed");
        var live = Path.Combine(_dataDir, "live");
        using var garnet = GarnetStore.Start(live);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
        for (var i = 0; i < Writes; i++) await redis.GetDatabase().StringSetAsync($"c:{{s}}:k{i}", i);
        foreach (var dir in Directory.GetDirectories(live, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(crashed, Path.GetRelativePath(live, dir)));
        foreach (var file in Directory.GetFiles(live, "*", SearchOption.AllDirectories))
            if (Path.GetFileName(file) != "comments.lock") File.Copy(file, Path.Combine(crashed, Path.GetRelativePath(live, file)));
        return crashed;
    }

    private static async Task<int> MissingAfterRecoveryAsync(string folder)
    {
        using var recovered = GarnetStore.Start(folder);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(recovered.ConnectionString);
        var missing = 0;
        for (var i = 0; i < Writes; i++)
            if (await redis.GetDatabase().StringGetAsync($"c:{{s}}:k{i}") != i) missing++;
        return missing;
    }

    private static string AofOf(string folder) => Path.Combine(folder, "checkpoints", "AOF", "aof.log.0");

    /// <summary>Where the next record would go: the log ends in zeros after its last record (a commit, whose last 4 bytes are not zero).</summary>
    private static long LogTail(string aof)
    {
        var bytes = File.ReadAllBytes(aof);
        return (Array.FindLastIndex(bytes, b => b != 0) + 1 + 3) & ~3;
    }

    /// <summary>A commit record's header (length -40) and version, and nothing more of it.</summary>
    private static void WriteTornCommitRecord(FileStream file, long at)
    {
        file.Position = at;
        file.Write(BitConverter.GetBytes(-40));
        file.Write(BitConverter.GetBytes(1));
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
