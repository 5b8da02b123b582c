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
    /// <summary>Main-memory budget of the embedded store; data beyond it lives in the storage tier on disk.</summary>
    public string EmbeddedMemory { get; set; } = "64m";
    /// <summary>
    /// Tsavorite device for the embedded store's files: <c>RandomAccess</c> (default) or <c>FileStream</c>.
    /// (<c>Native</c> needs glibc 2.38 and kills the process on Debian 12; see docs/reliability.md.)
    /// </summary>
    public string EmbeddedDeviceType { get; set; } = "RandomAccess";
    /// <summary>
    /// Keep the storage tier (records beyond <see cref="EmbeddedMemory"/> go to disk). Off, Garnet silently
    /// evicts data beyond the memory budget: only for measurements (docs/reliability.md, "Sustained writes").
    /// </summary>
    public bool EmbeddedStorageTier { get; set; } = true;
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
