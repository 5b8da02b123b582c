using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Comments.Bench.Fanout;

/// <summary>
/// N readers as raw WebSockets speaking SignalR's JSON protocol (handshake, JoinThread, pings),
/// far lighter than N HubConnections, so the client costs less of the shared 2 cores. Each
/// records, per comment, the time from the poster's send to its own receipt. Connections are
/// spread over several 127.0.0.x source addresses so ephemeral ports never run short.
/// </summary>
public sealed class ReaderFleet : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Marker = "bench-"u8.ToArray();
    private static readonly byte[] Published = "\"commentPublished\""u8.ToArray();
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly List<ClientWebSocket> _sockets = [];
    private readonly List<Task> _receivers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _sentAt;
    private readonly long[] _latencyTicks; // [post * readers + reader]
    private readonly int[] _received;       // deliveries per post
    private long _lastReceiptTicks;
    private int _connected;
    private int _dropped;

    public ReaderFleet(int readers, int posts)
    {
        Readers = readers;
        _sentAt = new long[posts];
        _latencyTicks = new long[posts * readers];
        _received = new int[posts];
    }

    public int Readers { get; }
    public int Connected => _connected;
    public int Dropped => _dropped;
    public long LastReceiptTicks => Interlocked.Read(ref _lastReceiptTicks);
    public int ReceivedOf(int post) => Volatile.Read(ref _received[post]);

    public void MarkSent(int post, long ticks) => Volatile.Write(ref _sentAt[post], ticks);

    public async Task ConnectAsync(Uri hub, string site, string thread, int sourceAddresses, int parallel)
    {
        var invokers = Enumerable.Range(1, sourceAddresses)
            .Select(i => new HttpMessageInvoker(Handler(IPAddress.Parse($"127.0.0.{i}")))).ToArray();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = new List<Task>();
        for (var i = 0; i < Readers; i++)
        {
            await gate.WaitAsync();
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try { await ConnectOneAsync(hub, site, thread, index, invokers[index % sourceAddresses]); }
                finally { gate.Release(); }
            }));
        }
        await Task.WhenAll(tasks);
        _ = KeepAliveAsync();
    }

    private static SocketsHttpHandler Handler(IPAddress source) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    };

    private async Task ConnectOneAsync(Uri hub, string site, string thread, int index, HttpMessageInvoker invoker)
    {
        var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        await ws.ConnectAsync(hub, invoker, _stop.Token);
        await SendAsync(ws, "{\"protocol\":\"json\",\"version\":1}\u001e");
        var buffer = new byte[4 * 1024];
        await ReceiveMessageAsync(ws, buffer); // handshake answer "{}"
        await SendAsync(ws, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinThread\",\"arguments\":[\"{site}\",\"{thread}\"]}}\u001e");
        while (true)
        {
            var text = Encoding.UTF8.GetString(buffer, 0, await ReceiveMessageAsync(ws, buffer));
            if (text.Contains("\"type\":3", StringComparison.Ordinal))
            {
                if (text.Contains("\"error\"", StringComparison.Ordinal)) throw new InvalidOperationException($"JoinThread failed: {text}");
                break;
            }
        }
        lock (_sockets) _sockets.Add(ws);
        Interlocked.Increment(ref _connected);
        lock (_receivers) _receivers.Add(ReceiveLoopAsync(ws, index, buffer));
    }

    private async Task ReceiveLoopAsync(ClientWebSocket ws, int reader, byte[] buffer)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var (length, grown) = await ReceiveGrowingAsync(ws, buffer);
                buffer = grown;
                if (length < 0) return;
                var now = Stopwatch.GetTimestamp();
                OnFrame(buffer.AsSpan(0, length), reader, now);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (WebSocketException e)
        {
            if (Interlocked.Increment(ref _dropped) <= 3) Console.Error.WriteLine($"  reader {reader} dropped: {e.Message}");
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame, int reader, long now)
    {
        while (!frame.IsEmpty)
        {
            var end = frame.IndexOf(RecordSeparator);
            var message = end < 0 ? frame : frame[..end];
            frame = end < 0 ? [] : frame[(end + 1)..];
            if (message.IndexOf(Published) < 0) continue;
            var at = message.IndexOf(Marker);
            if (at < 0) continue;
            var digits = message[(at + Marker.Length)..];
            var post = 0;
            foreach (var b in digits)
            {
                if (b is < (byte)'0' or > (byte)'9') break;
                post = post * 10 + (b - '0');
            }
            if (post >= _sentAt.Length) continue;
            _latencyTicks[post * Readers + reader] = now - Volatile.Read(ref _sentAt[post]);
            Interlocked.Increment(ref _received[post]);
            long last;
            do { last = Interlocked.Read(ref _lastReceiptTicks); }
            while (now > last && Interlocked.CompareExchange(ref _lastReceiptTicks, now, last) != last);
        }
    }

    /// <summary>Every 10 s, a ping on every socket: the server drops clients silent for 30 s.</summary>
    private async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                ClientWebSocket[] sockets;
                lock (_sockets) sockets = [.. _sockets];
                foreach (var ws in sockets)
                {
                    if (ws.State == WebSocketState.Open)
                        await ws.SendAsync(Ping, WebSocketMessageType.Text, true, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Latencies (Stopwatch ticks) of every delivered copy of the given posts.</summary>
    public List<long> Latencies(int posts)
    {
        var all = new List<long>(posts * Readers);
        for (var post = 0; post < posts; post++)
        {
            for (var reader = 0; reader < Readers; reader++)
            {
                var value = _latencyTicks[post * Readers + reader];
                if (value > 0) all.Add(value);
            }
        }
        return all;
    }

    /// <summary>Per comment, the time until its last reader had it (the slowest copy).</summary>
    public List<long> CompletionLatencies(int posts)
    {
        var all = new List<long>(posts);
        for (var post = 0; post < posts; post++)
        {
            long max = 0;
            for (var reader = 0; reader < Readers; reader++) max = Math.Max(max, _latencyTicks[post * Readers + reader]);
            if (ReceivedOf(post) == Readers) all.Add(max);
        }
        return all;
    }

    private static Task SendAsync(ClientWebSocket ws, string text) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>
    /// Reads one whole message, growing the buffer when needed: a connection with a backlog gets
    /// many hub messages batched into one WebSocket message.
    /// </summary>
    private async Task<(int Length, byte[] Buffer)> ReceiveGrowingAsync(ClientWebSocket ws, byte[] buffer)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var result = await ws.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (-1, buffer);
            length += result.Count;
            if (result.EndOfMessage) return (length, buffer);
        }
    }

    /// <summary>Reads one whole WebSocket message into the buffer; returns its length, or -1 when closed.</summary>
    private async Task<int> ReceiveMessageAsync(ClientWebSocket ws, byte[] buffer)
    {
        var length = 0;
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close) return -1;
            length += result.Count;
            if (result.EndOfMessage) return length;
            if (length == buffer.Length) throw new InvalidOperationException("message larger than the reader's buffer");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        lock (_sockets)
        {
            foreach (var ws in _sockets) ws.Abort();
        }
        Task[] receivers;
        lock (_receivers) receivers = [.. _receivers];
        await Task.WhenAll(receivers);
        foreach (var ws in _sockets) ws.Dispose();
        _stop.Dispose();
    }
}
