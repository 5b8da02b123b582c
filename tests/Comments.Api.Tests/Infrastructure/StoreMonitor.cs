using System.Net.Sockets;
using System.Text;
using Comments.Api.Tests.Realtime;
using StackExchange.Redis;

namespace Comments.Api.Tests.Infrastructure;

/// <summary>Every command redis-server receives from any client while an action runs, seen with MONITOR.</summary>
internal static class StoreMonitor
{
    /// <summary>MONITOR's lines (<c>time [db client] "COMMAND" "arg" …</c>) of the commands sent while <paramref name="act"/> ran.</summary>
    public static async Task<List<string>> CommandsDuringAsync(string address, Func<Task> act)
    {
        var (host, port) = (address.Split(':')[0], int.Parse(address.Split(':')[1].Split(',')[0]));
        var ct = TestContext.Current.CancellationToken;
        using var monitor = new TcpClient();
        await monitor.ConnectAsync(host, port, ct);
        var stream = monitor.GetStream();
        using var lines = new StreamReader(stream, Encoding.UTF8);
        await stream.WriteAsync("MONITOR\r\n"u8.ToArray(), ct);
        Assert.Equal("+OK", await lines.ReadLineAsync(ct));

        await act();
        // The last line to read: a command sent after the action's, by another client.
        var sentinel = $"monitor-sentinel-{Guid.NewGuid():N}";
        await using (var other = await ConnectionMultiplexer.ConnectAsync(address))
            await other.GetDatabase().ExecuteAsync("ECHO", sentinel);

        var seen = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(LiveReader.Patience);
        while (await lines.ReadLineAsync(deadline.Token) is { } line && !line.Contains(sentinel, StringComparison.Ordinal))
            seen.Add(line);
        return seen;
    }

    /// <summary>The client address of a MONITOR line, e.g. 127.0.0.1:41234.</summary>
    public static string ClientOf(string line)
    {
        var open = line.IndexOf('[', StringComparison.Ordinal);
        var inside = line[(open + 1)..line.IndexOf(']', open)];
        return inside[(inside.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }
}
