using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Comments.Api.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// A reader on the readers' hub that listens to every message <see cref="ICommentsClient"/>
/// declares (read by reflection, so a new kind of message is heard without editing this list)
/// and keeps the raw JSON of each for the privacy scan.
/// </summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Kind, string Json)> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>The wire names of every message a reader can receive.</summary>
    public static IReadOnlyList<string> Kinds { get; } = typeof(ICommentsClient).GetMethods()
        .Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name).ToList();

    private HubListener(Uri service)
    {
        _connection = new HubConnectionBuilder().WithUrl(new Uri(service, ReaderHubPath), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        }).Build();
        foreach (var kind in Kinds)
        {
            _connection.On<JsonElement>(kind, payload =>
            {
                _messages.Enqueue((kind, payload.GetRawText()));
                _arrived.Release();
            });
        }
    }

    private const string ReaderHubPath = "/hubs/comments";

    public HubConnection Connection => _connection;

    public IReadOnlyList<(string Kind, string Json)> Received => _messages.ToArray();

    public static async Task<HubListener> ConnectAsync(Uri service)
    {
        var listener = new HubListener(service);
        await listener._connection.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    /// <summary>Waits until a message satisfying <paramref name="matches"/> has arrived; fails after 15 s listing what did.</summary>
    public async Task WaitForAsync(string what, Func<(string Kind, string Json), bool> matches)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (!_messages.Any(matches))
        {
            try { await _arrived.WaitAsync(timeout.Token); }
            catch (OperationCanceledException) { Assert.Fail($"no hub message for {what} within 15 s; received: {string.Join(", ", Received.Select(m => m.Kind))}"); }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
