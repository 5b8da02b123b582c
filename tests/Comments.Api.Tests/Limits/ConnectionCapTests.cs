using System.Net;
using System.Net.Sockets;
using System.Text;
using Comments.Api.Tests.Realtime;

namespace Comments.Api.Tests.Limits;

/// <summary>
/// One client cannot hold a node's sockets: idle TCP connections from one address are capped
/// (before any HTTP is read), while other addresses are still served.
/// </summary>
public sealed class ConnectionCapTests(ConnectionCapService fixture) : IClassFixture<ConnectionCapService>
{
    private const int Cap = ConnectionCapService.MaxConnectionsPerAddress;
    private static readonly IPAddress Crowded = IPAddress.Loopback;
    private static readonly IPAddress Other = IPAddress.Parse("127.0.0.2");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Idle_connections_from_one_address_beyond_the_cap_are_closed_while_another_address_is_served()
    {
        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                var socket = await ConnectAsync(Crowded);
                idle.Add(socket);
                // Served, then left open and idle (keep-alive), as an idle-connection flood does.
                Assert.Equal(200, await StatusAsync(socket));
            }

            Assert.Null(await StatusOfNewConnectionAsync(Crowded));
            Assert.Equal(200, await StatusOfNewConnectionAsync(Other));

            // A closed connection frees its slot once the server has seen it go.
            idle[0].Dispose();
            idle.RemoveAt(0);
            using var deadline = new CancellationTokenSource(LiveReader.Patience);
            while (true)
            {
                if (await StatusOfNewConnectionAsync(Crowded) == 200) break;
                Assert.False(deadline.IsCancellationRequested, "the freed slot was not given back within the patience window");
                await Task.Yield();
            }
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
        }
    }

    /// <summary>The status of one GET on a new connection, or null if the server closed it without an answer.</summary>
    private async Task<int?> StatusOfNewConnectionAsync(IPAddress from)
    {
        try
        {
            using var socket = await ConnectAsync(from);
            return await StatusAsync(socket);
        }
        catch (SocketException)
        {
            return null; // reset while connecting: closed at once
        }
    }

    private async Task<Socket> ConnectAsync(IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, fixture.Service.Port), Ct);
        return socket;
    }

    /// <summary>The status of one GET on the socket, or null if the server closed it without an answer.</summary>
    private static async Task<int?> StatusAsync(Socket socket)
    {
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: test\r\n\r\n"), Ct);
            var buffer = new byte[4096];
            var text = new StringBuilder();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(LiveReader.Patience);
            while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read == 0) return null;
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            return int.Parse(text.ToString().Split(' ')[1]);
        }
        catch (SocketException)
        {
            return null; // reset
        }
    }
}
