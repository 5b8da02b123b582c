using System.Net;
using System.Net.Sockets;
using System.Text;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Faults;

/// <summary>A service that shows the exception handler's debug lines, so a test can wait for the quiet line of a client fault.</summary>
public sealed class DebugLogService : IAsyncLifetime
{
    private string? _dataDir;

    public ServiceProcess Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("comments-faults-").FullName;
        var environment = new Dictionary<string, string>(TestSites.Environment(_dataDir, redis: null, embeddedPort: 0))
        {
            ["Logging__LogLevel__Comments.Api.Infrastructure.StoreExceptionHandler"] = "Debug",
        };
        Service = await ServiceProcess.StartAsync(environment);
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null) await Service.DisposeAsync();
        if (_dataDir is not null) Directory.Delete(_dataDir, recursive: true);
    }
}

/// <summary>
/// Bodies that are too slow or cut off are the client's doing: 408/400, one quiet log line, no
/// stack trace (one per request would let any client flood the logs), never a 500.
/// </summary>
public sealed class ClientFaultTests(DebugLogService fixture) : IClassFixture<DebugLogService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chunked_body_that_breaks_off_midway_is_answered_400_as_a_problem_and_logged_quietly()
    {
        var thread = TestSites.NewThread("cut");
        using var socket = await ConnectAsync();
        var head = $"POST {TestApi.CommentsPath(TestSites.Open, thread)} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "5\r\n{\"tex\r\nnot a chunk size\r\n"), Ct);

        var answer = await ReadAnswerAsync(socket);
        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("\"code\":\"request.body_incomplete\"", answer);
        await fixture.Service.WaitForLineAsync(line => line.Contains($"Client fault on POST /api/sites/{TestSites.Open}/threads/{thread}/comments: 400", StringComparison.Ordinal), Patience);
        AssertNoFailureLogged(thread);
    }

    [Fact]
    public async Task A_body_that_trickles_in_too_slowly_is_answered_408_as_a_problem_and_logged_quietly()
    {
        var thread = TestSites.NewThread("slow");
        using var socket = await ConnectAsync();
        await socket.SendAsync(Encoding.ASCII.GetBytes(Head(thread, contentLength: 1000) + "{\"text\":\"slow"), Ct);

        var answer = await ReadAnswerAsync(socket);
        Assert.StartsWith("HTTP/1.1 408", answer);
        Assert.Contains("application/problem+json", answer);
        Assert.Contains("\"code\":\"request.body_timeout\"", answer);
        await fixture.Service.WaitForLineAsync(line => line.Contains($"Client fault on POST /api/sites/{TestSites.Open}/threads/{thread}/comments: 408", StringComparison.Ordinal), Patience);
        AssertNoFailureLogged(thread);
    }

    private void AssertNoFailureLogged(string thread)
    {
        var output = fixture.Service.Output;
        Assert.DoesNotContain($"Unhandled failure on POST /api/sites/{TestSites.Open}/threads/{thread}", output);
        Assert.DoesNotContain("BadHttpRequestException: ", output);
    }

    private static string Head(string thread, int contentLength) =>
        $"POST {TestApi.CommentsPath(TestSites.Open, thread)} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {contentLength}\r\n\r\n";

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, fixture.Service.Port), Ct);
        return socket;
    }

    /// <summary>Everything the server sends until it closes the connection (or the patience runs out).</summary>
    private static async Task<string> ReadAnswerAsync(Socket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read == 0) break;
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && text.ToString().TrimEnd().EndsWith('}')) break;
            }
        }
        catch (SocketException)
        {
        }
        return text.ToString();
    }
}
