using System.Collections.Concurrent;
using System.Net;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Keeps every MULTI/EXEC sent from this process out of the instant an embedded store's checkpoint begins. Garnet 2.2.8
/// takes the append-only file's tail as the point its checkpoint covers (and truncates the file to) before anything
/// else, with no regard to a transaction whose start record is written and whose commit record is not yet; the next
/// start then meets that commit without its start and cannot replay (docs/reliability.md). Any transaction can be cut,
/// however short: <c>CheckpointInTransactionTests</c> did it within a dozen restarts.
/// <para>
/// Transactions pass the gate together; a checkpoint waits for those in flight to be answered (an EXEC is answered
/// after its commit record is written), holds new ones back, and lets them go as soon as Garnet has read the tail
/// (<see cref="EmbeddedGarnet.CheckpointAsync"/>), not for the whole checkpoint. The gate belongs to the embedded store
/// listening on its end point; a transaction sent to any other server (redis-server) finds none and goes straight on.
/// Another process's transactions (the CLI importer) do not pass it: they take turns with checkpoints through the store
/// instead (<see cref="CheckpointTurns"/>).
/// </para>
/// </summary>
public sealed class CheckpointGate
{
    private static readonly ConcurrentDictionary<EndPoint, CheckpointGate> Gates = new();

    private readonly Lock _sync = new();
    private int _inFlight;
    private TaskCompletionSource? _checkpoint;
    private TaskCompletionSource? _drained;

    /// <summary>The gate of the embedded store at <paramref name="endPoint"/>, for as long as the result is not disposed.</summary>
    internal static IDisposable Open(EndPoint endPoint, out CheckpointGate gate)
    {
        var opened = new CheckpointGate();
        if (!Gates.TryAdd(endPoint, opened)) throw new InvalidOperationException($"An embedded store already listens on {endPoint} in this process.");
        gate = opened;
        return new Closing(endPoint, opened);
    }

    /// <summary>The gate of the server <paramref name="tx"/> goes to, or null: not an embedded store of this process.</summary>
    internal static CheckpointGate? Of(ITransaction tx)
    {
        if (Gates.IsEmpty) return null;
        foreach (var endPoint in tx.Multiplexer.GetEndPoints())
            if (Gates.TryGetValue(endPoint, out var gate)) return gate;
        return null;
    }

    /// <summary>One transaction in flight until the result is disposed; while a checkpoint is beginning, waits for it.</summary>
    public async ValueTask<Passage> EnterAsync()
    {
        while (true)
        {
            Task beginning;
            lock (_sync)
            {
                if (_checkpoint is null)
                {
                    _inFlight++;
                    return new Passage(this);
                }
                beginning = _checkpoint.Task;
            }
            await beginning.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Holds new transactions back and waits for those in flight; disposing the result lets them go. One checkpoint at a time.
    /// </summary>
    public async ValueTask<IDisposable> BeginCheckpointAsync()
    {
        Task drained;
        lock (_sync)
        {
            if (_checkpoint is not null) throw new InvalidOperationException("A checkpoint is already beginning.");
            _checkpoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight == 0) _drained.SetResult();
            drained = _drained.Task;
        }
        await drained.ConfigureAwait(false);
        return new Begun(this);
    }

    private void Leave()
    {
        lock (_sync)
        {
            if (--_inFlight == 0) _drained?.TrySetResult();
        }
    }

    private void EndCheckpoint()
    {
        TaskCompletionSource? checkpoint;
        lock (_sync)
        {
            checkpoint = _checkpoint;
            _checkpoint = null;
            _drained = null;
        }
        checkpoint?.TrySetResult();
    }

    /// <summary>
    /// A transaction's way through the gate: dispose it once the EXEC is answered. One the client stopped waiting for
    /// (a timeout) leaves the gate even if its EXEC still sits unread at the server: not covered, and rare (the timeout is
    /// seconds, an EXEC runs in microseconds once read).
    /// </summary>
    public readonly struct Passage(CheckpointGate gate) : IDisposable
    {
        public void Dispose() => gate.Leave();
    }

    private sealed class Begun(CheckpointGate gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) gate.EndCheckpoint();
        }
    }

    private sealed class Closing(EndPoint endPoint, CheckpointGate gate) : IDisposable
    {
        public void Dispose() => Gates.TryRemove(new KeyValuePair<EndPoint, CheckpointGate>(endPoint, gate));
    }
}

public static class CheckpointGateExtensions
{
    /// <summary>
    /// <see cref="ITransaction.ExecuteAsync"/> through the <see cref="CheckpointGate"/> of the embedded store it goes to:
    /// the one way the service sends a MULTI/EXEC. On redis-server it is ExecuteAsync and nothing else.
    /// </summary>
    /// <remarks>Also where this node forgets the thread versions the transaction bumped (<see cref="ThreadChanges"/>), once it is answered.</remarks>
    public static async Task<bool> ExecuteGatedAsync(this ITransaction tx)
    {
        try
        {
            if (CheckpointGate.Of(tx) is not { } gate) return await tx.ExecuteAsync().ConfigureAwait(false);
            using var passage = await gate.EnterAsync().ConfigureAwait(false);
            return await tx.ExecuteAsync().ConfigureAwait(false);
        }
        finally
        {
            ThreadVersions.Executed(tx);
        }
    }
}
