using System.Globalization;
using Comments.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comments.Storage;

/// <summary>How full the embedded store is, against its configured capacity.</summary>
public sealed record StoreUsage(long UsedBytes, long CapacityBytes, int WarnPercent)
{
    /// <summary>The hash index's overflow buckets in use and their limit: when they run out, every new key fails.</summary>
    public long IndexOverflowBytes { get; init; }
    public long IndexOverflowMaxBytes { get; init; }

    private double IndexPercent => IndexOverflowMaxBytes > 0 ? 100.0 * IndexOverflowBytes / IndexOverflowMaxBytes : 0;
    public double Percent => Math.Max(100.0 * UsedBytes / CapacityBytes, IndexPercent);
    public bool IsFull => Percent >= 100;
    public bool IsNearlyFull => Percent >= WarnPercent;
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Percent:0}% of its capacity ({UsedBytes / Megabyte:0} MB of {CapacityBytes / Megabyte:0} MB; key index {IndexPercent:0}%)");

    private const double Megabyte = 1024 * 1024;
}

/// <summary>
/// The embedded store keeps its whole log in memory (the storage tier of Garnet 2.2.8 is not sound under
/// sustained writes: docs/reliability.md, promise 7), and Garnet silently evicts the oldest records once
/// its memory is full. So the store is given twice <see cref="StorageOptions.EmbeddedCapacity"/> (Garnet
/// never reaches its own limit) and this guard refuses new comments when the store's real use reaches
/// the capacity. The use is what Garnet itself counts against its memory limit (measured: it evicts
/// when log pages + object heap pass <c>--memory</c>): <c>INFO store</c>'s
/// <c>Log.CurrentMemorySizeBytes + Log.CurrentHeapSizeBytes + IndexMemoryChargedToLogBudgetBytes</c>,
/// read in-process (a few counters), at most every 100 ms for new comments.
/// </summary>
public sealed partial class EmbeddedCapacity(EmbeddedGarnet garnet, IOptions<StorageOptions> storage, ILogger<EmbeddedCapacity> logger)
{
    private readonly StorageOptions options = storage.Value;

    /// <summary>False with the storage tier on (opt-in): the log then spills to disk and has no capacity here.</summary>
    public bool Limited => !options.EmbeddedStorageTier;

    /// <summary>A new comment may go by a reading this old (the margin up to Garnet's limit is the capacity itself).</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromMilliseconds(100);

    private readonly long _capacity = ByteSize.Parse(storage.Value.EmbeddedCapacity);
    private volatile Reading? _last;
    private int _warned;

    private sealed record Reading(StoreUsage Usage, long At);

    /// <summary>Garnet's own memory limit: a power of two (Garnet rounds down) at least twice the capacity.</summary>
    public static string GarnetMemory(StorageOptions options) =>
        ByteSize.Format(ByteSize.PowerOfTwoAtLeast(2 * ByteSize.Parse(options.EmbeddedCapacity)));

    /// <summary>Garnet's hash index: 1/128 of the capacity (at least 1m), so that keys run out after memory does.</summary>
    public static string GarnetIndex(StorageOptions options) =>
        ByteSize.Format(Math.Max(1L << 20, ByteSize.PowerOfTwoAtLeast(ByteSize.Parse(options.EmbeddedCapacity) / 128)));

    /// <summary>Refuses a new comment when the store is at its capacity (nothing is written then).</summary>
    public void EnsureRoom()
    {
        if (!Limited) return;
        var last = _last;
        var usage = last is not null && TimeProvider.System.GetElapsedTime(last.At) < Fresh ? last.Usage : Read();
        if (usage.IsFull)
            throw new StoreFullException($"The comment store is full ({usage.Describe()}).");
    }

    /// <summary>Reads the store's use now (readiness does; a new comment may use a reading up to 100 ms old).</summary>
    public StoreUsage Read()
    {
        var info = garnet.StoreInfo();
        long Field(string name) => info.TryGetValue(name, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InvalidOperationException($"The embedded store's INFO store has no {name}.");
        var usage = new StoreUsage(
            Field("Log.CurrentMemorySizeBytes") + Field("Log.CurrentHeapSizeBytes") + Field("IndexMemoryChargedToLogBudgetBytes"),
            _capacity, options.EmbeddedCapacityWarnPercent)
        {
            IndexOverflowBytes = Field("IndexOverflowBucketCount") * Field("IndexBucketSizeBytes"),
            IndexOverflowMaxBytes = Field("IndexOverflowMaxMemorySizeBytes"),
        };
        if (usage.IsNearlyFull && Interlocked.Exchange(ref _warned, 1) == 0) LogNearlyFull(usage.Describe());
        else if (!usage.IsNearlyFull) Interlocked.Exchange(ref _warned, 0);
        _last = new Reading(usage, TimeProvider.System.GetTimestamp());
        return usage;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded store is at {Usage}: at 100% new comments are refused (507). Raise Storage:EmbeddedCapacity (the store holds about that much memory at the limit) or move to Redis")]
    private partial void LogNearlyFull(string usage);
}
