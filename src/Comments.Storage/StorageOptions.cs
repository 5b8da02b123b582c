namespace Comments.Storage;

/// <summary>
/// The <c>Storage</c> section. When <c>ConnectionStrings:Redis</c> is set the service uses that
/// Redis deployment; otherwise it starts the embedded Garnet server described here.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the embedded store's append-only file, checkpoints and storage tier.</summary>
    public string DataDir { get; set; } = "data";
    /// <summary>Loopback port of the embedded store; 0 picks a free one at start.</summary>
    public int EmbeddedPort { get; set; }
    /// <summary>
    /// How much the embedded store may hold (its log, in memory; a number with k, m or g). About 2 KB per
    /// comment of ~300 characters through the API (docs/reliability.md), so 1g ≈ 500,000 such comments. The store is given
    /// twice this (rounded up to a power of two) so it never evicts; at the limit it holds about this much.
    /// At <see cref="EmbeddedCapacityWarnPercent"/> readiness reads Degraded; at 100% new comments are
    /// refused with 507 <c>server.store_full</c>; nothing is ever evicted. Not used with the storage tier.
    /// </summary>
    public string EmbeddedCapacity { get; set; } = "1g";
    /// <summary>From this share of <see cref="EmbeddedCapacity"/> on, readiness reads Degraded and a warning is logged.</summary>
    public int EmbeddedCapacityWarnPercent { get; set; } = 80;
    /// <summary>Main-memory budget of the embedded store with the storage tier on (opt-in); data beyond it lives on disk.</summary>
    public string EmbeddedMemory { get; set; } = "64m";
    /// <summary>
    /// Tsavorite device for the embedded store's files: <c>RandomAccess</c> (default) or <c>FileStream</c>.
    /// (<c>Native</c> needs glibc 2.38 and kills the process on Debian 12; see docs/reliability.md.)
    /// </summary>
    public string EmbeddedDeviceType { get; set; } = "RandomAccess";
    /// <summary>
    /// Opt-in: Garnet's storage tier (records beyond <see cref="EmbeddedMemory"/> go to disk, no capacity limit).
    /// NOT sound under sustained writes in Garnet 2.2.8: the store hung or the process died in the
    /// measurements (docs/reliability.md, promise 7). Off (the default) the log stays in memory within
    /// <see cref="EmbeddedCapacity"/>.
    /// </summary>
    public bool EmbeddedStorageTier { get; set; }
    /// <summary>
    /// How the embedded store commits its append-only file: 0 (the default) after every write command; N (1–100)
    /// once every N ms for all the writes since the last commit (group commit). Either way a reply waits for the commit
    /// that covers its writes, so nothing acknowledged is lost on a kill -9; with N, a write's answer may wait up to
    /// N ms longer, and a burst of writes (an import: docs/performance.md, "Import") is written with far fewer commits.
    /// </summary>
    public int EmbeddedAofCommitMilliseconds { get; set; }
    /// <summary>
    /// The thread pool's minimum of worker threads while the embedded store runs in this process (raised, never
    /// lowered). With its synchronous commits the store holds pool threads while it writes; below this many the pool
    /// adds threads slowly and a write waits for one: measured at half of peak POSTs, p99 443 ms with the runtime's
    /// default minimum (one per core) against 21 ms with 64 (docs/performance.md). 0 leaves the runtime's default.
    /// </summary>
    public int EmbeddedMinWorkerThreads { get; set; } = 64;
    /// <summary>
    /// Connections of their own for the service's transactions, taken in turn (<see cref="Storage.TransactionConnections"/>):
    /// a transaction with conditions holds its connection for a round trip, so on one shared connection the saves of
    /// concurrent POSTs wait for each other. 0 sends transactions on the main connection.
    /// </summary>
    public int TransactionConnections { get; set; } = 4;
    /// <summary>Address the embedded store binds to. Keep it on loopback unless other nodes must reach it.</summary>
    public string EmbeddedBind { get; set; } = "127.0.0.1";
    /// <summary>The embedded store takes a checkpoint when its append-only file has grown by this much since the last one.</summary>
    public double EmbeddedCheckpointAofMegabytes { get; set; } = 64;
    /// <summary>How often that growth is looked at.</summary>
    public int EmbeddedCheckpointCheckSeconds { get; set; } = 60;
    /// <summary>Below this much free space on the data folder's disk, readiness reads Degraded (before writes start failing).</summary>
    public long MinFreeDiskMegabytes { get; set; } = 512;
}

/// <summary>The <c>Engagement</c> section as far as the store is concerned: the token signing secret.</summary>
public sealed class ServerSecretOptions
{
    public const string Section = "Engagement";

    /// <summary>At least 32 characters; when empty, a random secret is generated once and kept in the store.</summary>
    public string? TokenSecret { get; set; }
}
