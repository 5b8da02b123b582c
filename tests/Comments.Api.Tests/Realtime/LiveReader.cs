using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Realtime;

/// <summary>One hub message as the client received it: the method and its JSON argument.</summary>
public sealed record HubMessage(string Method, JsonElement Payload)
{
    public string? Id => Payload.TryGetProperty("id", out var id) ? id.GetString() : null;
    public override string ToString() => $"{Method} {Payload.GetRawText()}";
}

/// <summary>
/// A reader's real SignalR .NET client over WebSockets. Every message it receives is kept (for
/// the privacy scan) and queued, and tests wait on the queue with a timeout, never on a timer.
/// </summary>
public sealed class LiveReader : IAsyncDisposable
{
    public static readonly string[] Methods = ["commentPublished", "commentUpdated", "commentRemoved", "countChanged"];
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<HubMessage> _inbox = Channel.CreateUnbounded<HubMessage>();
    private readonly ConcurrentQueue<HubMessage> _all = new();

    private LiveReader(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in Methods)
        {
            connection.On<JsonElement>(method, payload =>
            {
                var message = new HubMessage(method, payload.Clone());
                _all.Enqueue(message);
                _inbox.Writer.TryWrite(message);
            });
        }
    }

    public HubConnection Connection { get; }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<HubMessage> Received => _all.ToArray();

    public static HubConnection Build(Uri service, string? forwardedFor = null, Action<IHubConnectionBuilder>? configure = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(service, "/hubs/comments"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            if (forwardedFor is not null) options.Headers["X-Forwarded-For"] = forwardedFor;
        });
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static async Task<LiveReader> ConnectAsync(Uri service, string? forwardedFor = null, Action<IHubConnectionBuilder>? configure = null)
    {
        var reader = new LiveReader(Build(service, forwardedFor, configure));
        await reader.Connection.StartAsync(TestContext.Current.CancellationToken);
        return reader;
    }

    public Task JoinAsync(string site, string thread) =>
        Connection.InvokeAsync("JoinThread", site, thread, TestContext.Current.CancellationToken);

    public Task LeaveAsync(string site, string thread) =>
        Connection.InvokeAsync("LeaveThread", site, thread, TestContext.Current.CancellationToken);

    /// <summary>The next message, whatever it is; fails after <see cref="Patience"/>.</summary>
    public async Task<HubMessage> NextAsync()
    {
        try
        {
            return await _inbox.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No hub message within {Patience.TotalSeconds} s; received so far: [{string.Join(", ", Received)}]");
        }
    }

    /// <summary>The next message, waiting as long as <paramref name="until"/> allows (for tests with an overall deadline).</summary>
    public async Task<HubMessage> NextAsync(CancellationToken until) => await _inbox.Reader.ReadAsync(until);

    /// <summary>The next message, which must be <paramref name="method"/>.</summary>
    public async Task<JsonElement> NextAsync(string method)
    {
        var message = await NextAsync();
        Assert.True(message.Method == method, $"expected {method}, got {message}");
        return message.Payload;
    }

    /// <summary>Fails if any message received so far contains any of the secrets, in any form or case.</summary>
    public void AssertNoneContains(params string[] secrets)
    {
        foreach (var message in Received)
        {
            var raw = message.Payload.GetRawText();
            var decoded = JsonSerializer.Serialize(message.Payload, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var secret in secrets)
            {
                Assert.False(raw.Contains(secret, StringComparison.OrdinalIgnoreCase) || decoded.Contains(secret, StringComparison.OrdinalIgnoreCase),
                    $"hub message leaks '{secret}': {message}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
