using System.Collections.Immutable;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The connections this process sends its transactions on. StackExchange.Redis sends a transaction with conditions
/// as WATCH and the checks, waits for their answers, and only then sends MULTI … EXEC; meanwhile it sends nothing else
/// on that connection. On the one shared connection every POST's save therefore waited a round trip for each save
/// before it, and the reads queued behind them (docs/performance.md). A few connections of their own, taken in turn,
/// let transactions overlap. Every transaction of the service is created here (<see cref="TransactionExtensions.NewTransaction"/>).
/// <para>
/// The pool belongs to the service's main connection and is found through it, as long as it is open; a connection with
/// no pool (a test's, the command-line tools') sends its transactions itself, as before.
/// </para>
/// </summary>
public sealed class TransactionConnections : IDisposable
{
    private static ImmutableDictionary<IConnectionMultiplexer, TransactionConnections> _byConnection =
        ImmutableDictionary<IConnectionMultiplexer, TransactionConnections>.Empty.WithComparers(ReferenceEqualityComparer.Instance);

    /// <summary>Two pools opened at once (tests) each add their count: the read and the write of the minimum go together.</summary>
    private static readonly Lock ThreadPoolMinimum = new();

    private readonly IConnectionMultiplexer _main;
    private readonly ConnectionMultiplexer[] _connections;
    private int _next = -1;

    private TransactionConnections(IConnectionMultiplexer main, ConnectionMultiplexer[] connections)
    {
        _main = main;
        _connections = connections;
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections configured as <paramref name="main"/> (<paramref name="config"/>) for its
    /// transactions; with 0 they stay on <paramref name="main"/>.
    /// </summary>
    public static TransactionConnections Open(IConnectionMultiplexer main, ConfigurationOptions config, int count)
    {
        // Together: with the store down at start, each waits its connect timeout before it goes on trying in the background.
        var connections = Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
        {
            var own = config.Clone();
            own.ClientName = (config.ClientName ?? "comments") + "-tx";
            return ConnectionMultiplexer.ConnectAsync(own);
        })).GetAwaiter().GetResult();
        var pool = new TransactionConnections(main, connections);
        if (count == 0) return pool;
        // StackExchange.Redis waits for a transaction's WATCH answers on the thread that writes it (Monitor.Wait), so each
        // of these connections may hold a pool thread for a round trip. The pool adds threads slowly; without this many
        // more at the ready, requests waited for one: p99 425–570 ms at half of peak on redis-server, 8–23 ms with them.
        lock (ThreadPoolMinimum)
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(workers + count, io);
        }
        ImmutableInterlocked.Update(ref _byConnection, map =>
            connections.Aggregate(map.SetItem(main, pool), (m, c) => m.SetItem(c, pool)));
        return pool;
    }

    /// <summary>A new transaction on the pool of <paramref name="redis"/> when it has one, otherwise on <paramref name="redis"/>.</summary>
    internal static ITransaction Create(IConnectionMultiplexer redis) =>
        _byConnection.TryGetValue(redis, out var pool) && ReferenceEquals(pool._main, redis)
            ? pool.Next().GetDatabase().CreateTransaction()
            : redis.GetDatabase().CreateTransaction();

    /// <summary>The main connection a pooled <paramref name="connection"/> serves, or <paramref name="connection"/> itself.</summary>
    public static IConnectionMultiplexer MainOf(IConnectionMultiplexer connection) =>
        _byConnection.TryGetValue(connection, out var pool) ? pool._main : connection;

    private IConnectionMultiplexer Next() =>
        _connections[(int)((uint)Interlocked.Increment(ref _next) % (uint)_connections.Length)];

    public void Dispose()
    {
        ImmutableInterlocked.Update(ref _byConnection, map => map.RemoveRange([_main, .. _connections]));
        foreach (var connection in _connections) connection.Dispose();
    }
}

public static class TransactionExtensions
{
    /// <summary>The one way to start a transaction: on a connection of the service's pool (<see cref="TransactionConnections"/>).</summary>
    public static ITransaction NewTransaction(this IConnectionMultiplexer redis) => TransactionConnections.Create(redis);
}
