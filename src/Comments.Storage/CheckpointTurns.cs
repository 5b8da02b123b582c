using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Long transactions (an import's batches) and the embedded store's checkpoints take turns. Garnet 2.2.8 cannot replay
/// an append-only file whose checkpoint began between a transaction's first and last record: the next start fails
/// (a NullReferenceException in its replay of the transaction's commit; docs/reliability.md), and the service refuses
/// to start. A writer holds a turn around each long transaction (an entry in <see cref="RedisKeys.CheckpointHolds"/>
/// that lapses by itself, so a writer killed while holding delays checkpoints by <see cref="HoldFor"/> at most); a
/// checkpoint is taken only under <see cref="RedisKeys.Checkpointing"/> with no turn held. Each side writes its own key
/// before it reads the other's, so of a writer and a checkpoint that start together at least one sees the other and
/// waits. On redis-server nothing takes checkpoints: the turns are written and lapse unread.
/// </summary>
public static class CheckpointTurns
{
    /// <summary>How long a turn lasts unless given back: far longer than one transaction.</summary>
    public static readonly TimeSpan HoldFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CheckpointFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);

    /// <summary>Holds a turn (checkpoints wait) until the result is disposed; while a checkpoint is being taken, waits for it.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(IDatabase db, CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N");
        while (true)
        {
            await db.SortedSetAddAsync(RedisKeys.CheckpointHolds(), id, LapsesAt(HoldFor));
            if (!await db.KeyExistsAsync(RedisKeys.Checkpointing())) return new Turn(db, id);
            await db.SortedSetRemoveAsync(RedisKeys.CheckpointHolds(), id);
            await Task.Delay(WaitStep, ct);
        }
    }

    /// <summary>True when no writer holds a turn: take the checkpoint, then call <see cref="EndCheckpointAsync"/>. False: try later.</summary>
    public static async Task<bool> TryBeginCheckpointAsync(IDatabase db)
    {
        if (!await db.StringSetAsync(RedisKeys.Checkpointing(), 1, CheckpointFor, When.NotExists)) return false;
        await db.SortedSetRemoveRangeByScoreAsync(RedisKeys.CheckpointHolds(), double.NegativeInfinity, LapsesAt(TimeSpan.Zero));
        if (await db.SortedSetLengthAsync(RedisKeys.CheckpointHolds()) == 0) return true;
        await EndCheckpointAsync(db);
        return false;
    }

    public static Task EndCheckpointAsync(IDatabase db) => db.KeyDeleteAsync(RedisKeys.Checkpointing());

    private static double LapsesAt(TimeSpan after) => (DateTimeOffset.UtcNow + after).ToUnixTimeMilliseconds();

    private sealed class Turn(IDatabase db, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.SortedSetRemoveAsync(RedisKeys.CheckpointHolds(), id);
            }
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                // The store is away: the turn lapses by itself after HoldFor, and the caller's own error matters more.
            }
        }
    }
}
