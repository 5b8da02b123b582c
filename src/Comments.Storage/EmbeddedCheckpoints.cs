using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Keeps the embedded store's append-only file from growing for ever. Every write is in the AOF
/// (that is what makes kill -9 safe), and a restart replays all of it. When the AOF on disk has
/// grown by <see cref="StorageOptions.EmbeddedCheckpointAofMegabytes"/> since the last
/// checkpoint, this takes one (SAVE): Garnet snapshots the store and drops the AOF segments the
/// snapshot covers, so the folder and the next start stay proportional to the data, not to its history.
/// </summary>
internal sealed partial class EmbeddedCheckpoints(EmbeddedGarnet garnet, IOptions<StorageOptions> storage, ILogger<EmbeddedCheckpoints> logger)
    : BackgroundService
{
    private const double Megabyte = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The checkpoint is taken in this process (EmbeddedGarnet.CheckpointAsync); this connection only takes turns with
        // the importer (CheckpointTurns), which may be another process.
        await using var store = await ConnectionMultiplexer.ConnectAsync(
            $"{garnet.ConnectionString},abortConnect=false,name=comments-checkpoints");
        var baseline = garnet.AofBytesOnDisk();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, storage.Value.EmbeddedCheckpointCheckSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var before = garnet.AofBytesOnDisk();
            if (before - baseline <= storage.Value.EmbeddedCheckpointAofMegabytes * Megabyte) continue;
            var db = store.GetDatabase();
            try
            {
                // Never while a long transaction is being logged (an import's batch): see CheckpointTurns.
                if (!await CheckpointTurns.TryBeginCheckpointAsync(db))
                {
                    LogCheckpointDeferred();
                    continue;
                }
                var started = TimeProvider.System.GetTimestamp();
                try
                {
                    // Never with this process's transactions half written either: see CheckpointGate.
                    if (!await garnet.CheckpointAsync(stoppingToken)) throw new InvalidOperationException("Garnet did not take the checkpoint (another one was running, or it failed).");
                }
                finally
                {
                    await CheckpointTurns.EndCheckpointAsync(db);
                }
                baseline = garnet.AofBytesOnDisk();
                LogCheckpoint(TimeProvider.System.GetElapsedTime(started).TotalMilliseconds, before / Megabyte, baseline / Megabyte);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing is lost without a checkpoint (the AOF still has every write); try again at the
                // next tick. Never let it escape: an unhandled error in a background service stops the host.
                LogCheckpointFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store checkpoint in {Milliseconds:0} ms: append-only file {Before:0.0} MB → {After:0.0} MB")]
    private partial void LogCheckpoint(double milliseconds, double before, double after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store checkpoint deferred: a long transaction (an import) is being written")]
    private partial void LogCheckpointDeferred();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded store checkpoint failed; the append-only file keeps every write and it is tried again")]
    private partial void LogCheckpointFailed(Exception e);
}
