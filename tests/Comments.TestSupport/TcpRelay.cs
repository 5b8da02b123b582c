using System.Net;
using System.Net.Sockets;

namespace Comments.TestSupport;

/// <summary>
/// A loopback TCP relay in front of the service that a test can cut: <see cref="Sever"/> resets
/// every relayed connection and refuses new ones (as a dropped network does) until <see cref="Restore"/>.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _severed;

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public void Sever()
    {
        _severed = true;
        lock (_open)
        {
            foreach (var client in _open) Reset(client);
            _open.Clear();
        }
    }

    public void Restore() => _severed = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try { incoming = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            if (_severed)
            {
                Reset(incoming);
                continue;
            }
            var outgoing = new TcpClient();
            await outgoing.ConnectAsync(IPAddress.Loopback, _targetPort);
            lock (_open) { _open.Add(incoming); _open.Add(outgoing); }
            _ = PumpAsync(incoming, outgoing);
            _ = PumpAsync(outgoing, incoming);
        }
    }

    /// <summary>Closes with a RST, as a dropped network does, not with a polite FIN.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket) socket.LingerState = new LingerOption(true, 0);
        }
        catch (ObjectDisposedException)
        {
        }
        client.Dispose();
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Sever();
        await _accepting;
        _stop.Dispose();
    }
}
