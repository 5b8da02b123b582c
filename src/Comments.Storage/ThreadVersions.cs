using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// This node's memory of thread versions, so that reading a popular thread needs no store round trip for its
/// version. Kept correct by messages: every version bump publishes the thread on <see cref="RedisKeys.ThreadChanges"/>
/// in the same transaction (<see cref="ThreadChanges.QueueVersionBump"/>), and a message makes this memory forget
/// the thread. Another node's change is therefore seen once its message arrives (typically well under a
/// millisecond), not at once; this node's own change is forgotten before its writer goes on.
/// <para>
/// Trusted only while the subscription is known to work: from the moment a probe published on the channel comes back,
/// until any connection of the multiplexer fails or is restored (then everything is forgotten and a new probe sent).
/// A read that raced a message never stores what it read: each of <see cref="Stripes"/> stripes counts its forgets, a
/// read notes its stripe's count before asking the store and stores only if the count did not move. A remembered
/// version is used for <c>maxAge</c> at most (from before the read that found it), which bounds staleness should a
/// message ever be lost (a writer that does not publish: an older node during a rolling upgrade).
/// </para>
/// </summary>
public sealed class ThreadVersions : IDisposable
{
    private const int Stripes = 64;
    private static ImmutableArray<ThreadVersions> _live = [];
    private static readonly ConditionalWeakTable<ITransaction, List<(string Site, string Thread)>> Pending = new();

    private readonly IConnectionMultiplexer? _redis;
    private readonly long _maxAgeMs;
    private readonly int _maxEntries;
    private readonly ConcurrentDictionary<(string Site, string Thread), Entry> _entries = new();
    private readonly long[] _generations = new long[Stripes];
    private readonly Lock[] _locks = Enumerable.Range(0, Stripes).Select(_ => new Lock()).ToArray();
    private readonly string _probe = "\n" + Guid.NewGuid().ToString("N");
    private long _epoch;
    private long _trustedEpoch = -1;

    /// <param name="maxAge">How long a remembered version is used; zero turns the memory off (every read asks the store).</param>
    /// <param name="maxEntries">Threads remembered at most; past it the memory starts again empty.</param>
    public ThreadVersions(IConnectionMultiplexer redis, TimeSpan maxAge, int maxEntries = 100_000)
    {
        _maxAgeMs = (long)maxAge.TotalMilliseconds;
        _maxEntries = maxEntries;
        if (_maxAgeMs <= 0) return;
        _redis = redis;
        ImmutableInterlocked.Update(ref _live, l => l.Add(this));
        redis.ConnectionFailed += OnConnectionChanged;
        redis.ConnectionRestored += OnConnectionChanged;
    }

    public bool Enabled => _redis is not null;

    /// <summary>
    /// Subscribes (again each second while the store cannot be reached) and sends the first probe; the memory is used
    /// once the probe is back. Returns at once: until then every read asks the store, as with the memory off.
    /// </summary>
    public Task StartAsync()
    {
        if (_redis is null) return Task.CompletedTask;
        _ = Task.Run(async () =>
        {
            while (!_disposed)
            {
                try
                {
                    await _redis.GetSubscriber().SubscribeAsync(RedisKeys.ThreadChanges(), (_, message) => OnMessage(message)).ConfigureAwait(false);
                    await ProbeAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    await Task.Delay(ProbeInterval).ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>The thread's version, when this node knows it is current.</summary>
    public bool TryGet(string site, string thread, out long version)
    {
        version = 0;
        if (Volatile.Read(ref _trustedEpoch) != Volatile.Read(ref _epoch)) return false;
        if (!_entries.TryGetValue((site, thread), out var entry)) return false;
        if (Environment.TickCount64 - entry.ReadAtMs > _maxAgeMs) return false;
        version = entry.Version;
        return true;
    }

    /// <summary>Notes the state before a store read of the version; pass it to <see cref="Remember"/> with what was read.</summary>
    public Reading BeginRead(string site, string thread)
    {
        var stripe = Stripe(site, thread);
        return new Reading(site, thread, stripe, Volatile.Read(ref _generations[stripe]), Volatile.Read(ref _epoch), Environment.TickCount64);
    }

    /// <summary>Keeps <paramref name="version"/> unless the thread (or everything) was forgotten since <paramref name="reading"/> began.</summary>
    public void Remember(in Reading reading, long version)
    {
        if (_redis is null || reading.Epoch != Volatile.Read(ref _trustedEpoch)) return;
        lock (_locks[reading.Stripe])
        {
            if (_generations[reading.Stripe] != reading.Generation || reading.Epoch != Volatile.Read(ref _epoch)) return;
            if (_entries.Count >= _maxEntries) _entries.Clear();
            _entries[(reading.Site, reading.Thread)] = new Entry(version, reading.StartedMs);
        }
    }

    /// <summary>Forgets one thread: its version changed.</summary>
    public void Forget(string site, string thread)
    {
        var stripe = Stripe(site, thread);
        lock (_locks[stripe])
        {
            _generations[stripe]++;
            _entries.TryRemove((site, thread), out _);
        }
    }

    /// <summary>Forgets every thread and stops trusting the memory until a new probe comes back.</summary>
    public void ForgetAll()
    {
        foreach (var l in _locks) l.Enter();
        try
        {
            Interlocked.Increment(ref _epoch);
            _entries.Clear();
        }
        finally
        {
            foreach (var l in _locks) l.Exit();
        }
    }

    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e)
    {
        ForgetAll();
        _ = ProbeAsync();
    }

    /// <summary>
    /// Publishes a probe naming the current epoch, again each second until it came back (the subscription may be
    /// restored after the connection is), the epoch moved on (another probe took over) or the memory is disposed.
    /// </summary>
    private async Task ProbeAsync()
    {
        var epoch = Volatile.Read(ref _epoch);
        while (!_disposed && epoch == Volatile.Read(ref _epoch) && Volatile.Read(ref _trustedEpoch) != epoch)
        {
            try
            {
                await _redis!.GetSubscriber().PublishAsync(RedisKeys.ThreadChanges(), _probe + "\n" + epoch).ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Not connected now: tried again below.
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            await Task.Delay(ProbeInterval).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private volatile bool _disposed;

    private void OnMessage(RedisValue message)
    {
        var text = (string)message!;
        if (ThreadChanges.TryParse(text, out var site, out var thread))
        {
            Forget(site, thread);
            return;
        }
        // A probe of this node, naming the epoch it was sent in: the subscription worked from then on.
        if (text.StartsWith(_probe + "\n", StringComparison.Ordinal) && long.TryParse(text.AsSpan(_probe.Length + 1), out var epoch))
        {
            lock (_locks[0])
            {
                if (epoch == Volatile.Read(ref _epoch)) Volatile.Write(ref _trustedEpoch, epoch);
            }
        }
    }

    private static int Stripe(string site, string thread) => (HashCode.Combine(site, thread) & int.MaxValue) % Stripes;

    /// <summary>Called by <see cref="ThreadChanges.QueueVersionBump"/>: the transaction will change the thread.</summary>
    internal static void Changing(ITransaction tx, string site, string thread)
    {
        var live = _live;
        if (live.IsEmpty) return;
        foreach (var memory in live)
        {
            if (!ReferenceEquals(memory._redis, TransactionConnections.MainOf(tx.Multiplexer))) continue;
            Pending.GetOrCreateValue(tx).Add((site, thread));
            return;
        }
    }

    /// <summary>Called once <paramref name="tx"/>'s EXEC is answered (or failed): forgets the threads it changed, here, now.</summary>
    internal static void Executed(ITransaction tx)
    {
        if (_live.IsEmpty || !Pending.TryGetValue(tx, out var threads)) return;
        Pending.Remove(tx);
        foreach (var memory in _live)
        {
            if (!ReferenceEquals(memory._redis, TransactionConnections.MainOf(tx.Multiplexer))) continue;
            foreach (var (site, thread) in threads) memory.Forget(site, thread);
        }
    }

    public void Dispose()
    {
        if (_redis is null) return;
        _disposed = true;
        ImmutableInterlocked.Update(ref _live, l => l.Remove(this));
        _redis.ConnectionFailed -= OnConnectionChanged;
        _redis.ConnectionRestored -= OnConnectionChanged;
        ForgetAll();
    }

    public readonly record struct Reading(string Site, string Thread, int Stripe, long Generation, long Epoch, long StartedMs);

    private readonly record struct Entry(long Version, long ReadAtMs);
}
