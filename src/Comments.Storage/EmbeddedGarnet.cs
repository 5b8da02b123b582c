using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The default store: a Garnet server (Redis protocol) in this process, durable in a folder.
/// Flags follow the facts measured in design.md: RandomAccess device (the native one needs
/// glibc 2.38), AOF with synchronous commits and recovery (nothing acknowledged is lost on
/// kill -9), and the log kept in memory within a capacity that <see cref="EmbeddedCapacity"/> enforces
/// (the storage tier is an opt-in: it is not sound under sustained writes in Garnet 2.2.8).
/// Start-up is all or nothing: the folder is locked to this process, the append-only file must
/// replay without an error, and a checkpoint is taken before the first write (see <see cref="CheckpointAfterRecovery"/>);
/// otherwise <see cref="StoreStartException"/> says what is wrong and the service does not start.
/// </summary>
public sealed partial class EmbeddedGarnet : IDisposable
{
    private readonly Server _server;
    private readonly FileStream _lock;
    private readonly ILoggerFactory _garnetLogs;
    private readonly CheckpointGate _gate;
    private readonly IDisposable? _gateOpen;

    private readonly string _aofDir;

    /// <summary>The append-only file's page (2 MB) and segment (16 MB) sizes, as powers of two: Garnet's flags and <see cref="AofTornTail"/> read them alike.</summary>
    private const int AofPageBits = 21, AofSegmentBits = 24;

    public EmbeddedGarnet(IOptions<StorageOptions> storage, ILoggerFactory loggerFactory)
    {
        var options = storage.Value;
        var logger = loggerFactory.CreateLogger<EmbeddedGarnet>();
        var dataDir = Path.GetFullPath(options.DataDir);
        _aofDir = Path.Combine(dataDir, "checkpoints", "AOF");
        var memory = options.EmbeddedStorageTier ? options.EmbeddedMemory : GarnetMemory(options);
        _lock = LockDataDir(dataDir);
        Port = options.EmbeddedPort != 0 ? options.EmbeddedPort : FreePort(options.EmbeddedBind);
        string[] args =
        [
            "--bind", options.EmbeddedBind,
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Without the storage tier the whole log is in memory: Garnet's limit is twice the capacity the
            // guard enforces (EmbeddedCapacity), so Garnet itself never reaches it and never evicts.
            "--memory", memory,
            "--page", "1m",
            // The hash index: one entry per key; its overflow (8× the index) caps the number of keys, and a
            // full index fails every new key. 1/128 of the capacity holds ~8 million keys per GB.
            "--index", options.EmbeddedStorageTier ? "1m" : EmbeddedCapacity.GarnetIndex(options),
            .. (options.EmbeddedStorageTier ? ["--storage-tier", "--logdir", Path.Combine(dataDir, "log")] : Array.Empty<string>()),
            "--checkpointdir", Path.Combine(dataDir, "checkpoints"),
            "--aof",
            "--aof-commit-wait",
            // 0: a commit per write. N > 0: one commit for every write of the last N ms (group commit); each reply
            // still waits for the commit that covers its writes (--aof-commit-wait), so what is acknowledged is on disk.
            "--aof-commit-freq", options.EmbeddedAofCommitMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--aof-memory", "16m",
            "--aof-page-size", $"{1 << (AofPageBits - 20)}m",
            // Segments small enough that a checkpoint can drop the ones it covers (EmbeddedCheckpoints).
            "--aof-segment-size", $"{1 << (AofSegmentBits - 20)}m",
            "--recover",
            "--fail-on-recovery-error",
            "--device-type", options.EmbeddedDeviceType,
            "-q",
        ];
        RaiseMinWorkerThreads(options.EmbeddedMinWorkerThreads);
        var recovery = new GarnetLogs(loggerFactory);
        _garnetLogs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(recovery));
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var committed = AofTornTail.Last(_aofDir);
            if (committed is { } lastOnDisk && AofTornTail.Repair(_aofDir, lastOnDisk, AofPageBits, AofSegmentBits) is { } cutOff) LogTornTail(logger, cutOff);
            _server = new Server(args, _garnetLogs);
            _server.Start();
            if (recovery.RecoveryErrors.Count > 0) throw NotRecovered(dataDir, recovery);
            // Whatever else could make Garnet start its log afresh, it must never serve with less than was committed.
            if (committed is { } last && _server.AofTailAddress < last.Until)
                throw NotRecovered(dataDir, $"it recovered its append-only file to address {_server.AofTailAddress}, short of the {last.Until} its commit {last.Number} reached");
            var recovered = TimeProvider.System.GetElapsedTime(started);
            CheckpointAfterRecovery(dataDir);
            recovery.RecoveryDone();
            LogRecovered(logger, recovered.TotalMilliseconds, (TimeProvider.System.GetElapsedTime(started) - recovered).TotalMilliseconds);
        }
        catch (Exception e) when (e is not StoreStartException)
        {
            Dispose();
            // --fail-on-recovery-error makes some recovery failures throw; others are only logged (see GarnetLogs).
            if (recovery.RecoveryErrors.Count > 0) throw NotRecovered(dataDir, recovery, e);
            throw new StoreStartException($"The embedded store could not start on its data folder {dataDir}: {e.Message} " +
                "Check that the folder is writable and the disk not full, then start again.", e);
        }
        catch
        {
            Dispose();
            throw;
        }
        _gateOpen = CheckpointGate.Open(EndPoint, out _gate);
        LogListening(logger, options.EmbeddedBind, Port, dataDir);
    }

    /// <summary>
    /// Takes a checkpoint while the service runs. The <see cref="CheckpointGate"/> is closed to this process's transactions
    /// from before Garnet reads the append-only file's tail (the point the checkpoint covers and truncates the file to)
    /// until its checkpoint is under way (the store's version has moved on, which Garnet does only after reading the
    /// tail), so that point is never inside a transaction; the snapshot itself is written with transactions flowing again.
    /// False: Garnet did not take it (another checkpoint was running, or it failed).
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken ct = default)
    {
        Task<bool> checkpoint;
        using (await _gate.BeginCheckpointAsync())
        {
            var version = _server.StoreVersion;
            checkpoint = _server.TakeCheckpointAsync(_garnetLogs.CreateLogger("Checkpoint"), ct);
            // Garnet 2.2.8 (DatabaseManagerBase.InitiateCheckpointAsync) reads the tail, then runs the checkpoint's state
            // machine, which moves the version on within a millisecond or two. Should that ever not be seen, the gate
            // stays closed for the whole checkpoint: slower, never unsafe.
            while (!checkpoint.IsCompleted && _server.StoreVersion == version)
                await Task.Delay(1, CancellationToken.None);
        }
        return await checkpoint;
    }

    /// <summary>See <see cref="StorageOptions.EmbeddedMinWorkerThreads"/>: the pool must not make a write wait for a thread.</summary>
    internal static void RaiseMinWorkerThreads(int minimum)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (minimum > workers) ThreadPool.SetMinThreads(minimum, io);
    }

    private static string GarnetMemory(StorageOptions options)
    {
        try
        {
            return EmbeddedCapacity.GarnetMemory(options);
        }
        catch (FormatException e)
        {
            throw new StoreStartException($"Storage:EmbeddedCapacity: {e.Message}", e);
        }
    }

    /// <summary>Nothing in the folder was changed: the operator can keep it, restore it, or start afresh.</summary>
    private static StoreStartException NotRecovered(string dataDir, GarnetLogs recovery, Exception? e = null) =>
        NotRecovered(dataDir, recovery.RecoveryErrors.First(), e);

    private static StoreStartException NotRecovered(string dataDir, string error, Exception? e = null) => new(
        $"The embedded store in {dataDir} could not replay its append-only file ({error}). " +
        "The service does not start rather than serve with acknowledged comments missing; the folder was left as it is. " +
        "Keep a copy of it, then restore the folder from a backup, or move it aside to start with an empty store (see docs/reliability.md).", e);

    /// <summary>
    /// A kill -9 inside a MULTI/EXEC can leave a transaction start with no commit at the tail of the
    /// append-only file. Garnet 2.2.8 skips it on replay but appends the next writes after it; a later
    /// transaction of the same session number then fails every replay ("No nested transactions expected")
    /// and everything after it is dropped. A checkpoint now, before any write, moves the file's start
    /// past that tail (Garnet truncates the AOF to what the checkpoint covers), so no record is ever
    /// appended after a torn one.
    /// </summary>
    private void CheckpointAfterRecovery(string dataDir)
    {
        using var admin = ConnectionMultiplexer.Connect(
            $"{ConnectionString},allowAdmin=true,abortConnect=true,syncTimeout=600000,name=comments-recovery");
#pragma warning disable CS0618 // a foreground SAVE: nothing else is connected yet, and we must know it is done
        admin.GetServer(admin.GetEndPoints()[0]).Save(SaveType.ForegroundSave);
#pragma warning restore CS0618
        // A process killed while it took a checkpoint left its mark: nothing else is connected yet, so it is stale.
        admin.GetDatabase().KeyDelete(RedisKeys.Checkpointing());
        if (!Directory.Exists(Path.Combine(dataDir, "checkpoints", "Store")))
            throw new StoreStartException($"The embedded store in {dataDir} took no checkpoint after recovery.");
    }

    /// <summary>One process per data folder: two embedded stores on one folder would write over each other's log.</summary>
    private static FileStream LockDataDir(string dataDir)
    {
        try
        {
            Directory.CreateDirectory(dataDir);
            // FileShare.None takes an exclusive advisory lock (flock) on Unix; the kernel drops it when the process dies.
            return new FileStream(Path.Combine(dataDir, "comments.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new StoreStartException(
                $"The data folder {dataDir} is in use by another process (its comments.lock is locked). " +
                "Stop the other service, or give this one its own folder (Storage:DataDir).", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StoreStartException(
                $"The data folder {dataDir} cannot be written: {e.Message} Give the service's user write access to it, " +
                "or choose another folder (Storage:DataDir).", e);
        }
    }

    public int Port { get; }

    /// <summary>Where this process reaches the store: the service's connections go here, and its <see cref="CheckpointGate"/> is found by it.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string ConnectionString => EndPoint.ToString();

    /// <summary>The size of the append-only file's segments on disk.</summary>
    public long AofBytesOnDisk() => Directory.Exists(_aofDir)
        ? new DirectoryInfo(_aofDir).EnumerateFiles("aof.log.*").Sum(f => f.Length)
        : 0;

    /// <summary>
    /// Garnet's own figures for its store (what <c>INFO store</c> answers), read in this process: no
    /// round trip, and no admin connection (SE.Redis treats INFO as an admin command).
    /// </summary>
    public IReadOnlyDictionary<string, string> StoreInfo() =>
        (_server.Metrics.GetInfoMetrics(Garnet.common.InfoMetricsType.STORE, 0) ?? [])
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public void Dispose()
    {
        _gateOpen?.Dispose();
        _server?.Dispose();
        _garnetLogs?.Dispose();
        _lock?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store recovered in {Recovery:0} ms and checkpointed in {Checkpoint:0} ms")]
    private static partial void LogRecovered(ILogger logger, double recovery, double checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded store's append-only file ended in a torn record at address {Address} (a crash cut its flush short; nothing acknowledged was in it): its header was blanked so that every commit before it is recovered")]
    private static partial void LogTornTail(ILogger logger, long address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded store listening on {Bind}:{Port}, data in {DataDir}")]
    private static partial void LogListening(ILogger logger, string bind, int port, string dataDir);

    /// <summary>Garnet's server, with its in-process checkpoint (the store wrapper is Garnet's, open to a host that derives from it).</summary>
    private sealed class Server(string[] args, ILoggerFactory logs) : GarnetServer(args, logs)
    {
        public long StoreVersion => storeWrapper.store.CurrentVersion;

        public long AofTailAddress => storeWrapper.appendOnlyFile.Log.TailAddress[0];

        public async Task<bool> TakeCheckpointAsync(ILogger logger, CancellationToken ct) =>
            await storeWrapper.TakeCheckpointAsync(background: false, dbId: 0, ct, logger) == Garnet.server.CheckpointStatus.Success;
    }

    private static int FreePort(string bind)
    {
        using var listener = new TcpListener(IPAddress.Parse(bind), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
