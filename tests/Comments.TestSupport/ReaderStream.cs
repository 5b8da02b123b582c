using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.TestSupport;

/// <summary>
/// A reader following one thread on the readers' hub (<c>/hubs/comments</c>), recording what it
/// is sent. Every build has the hub: failing to connect fails the test (there is no skip path).
/// </summary>
public sealed class ReaderStream : IAsyncDisposable
{
    public const string HubPath = "/hubs/comments";

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Kind, JsonElement Payload)> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private ReaderStream(HubConnection connection) => _connection = connection;

    public static async Task<ReaderStream> ConnectAsync(Uri baseAddress, string site, string thread)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, HubPath)).Build();
        var stream = new ReaderStream(connection);
        foreach (var kind in new[] { "commentPublished", "commentUpdated", "commentRemoved", "countChanged", "likesChanged" })
        {
            connection.On<JsonElement>(kind, payload =>
            {
                stream._messages.Enqueue((kind, payload));
                stream._arrived.Release();
            });
        }
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync("JoinThread", site, thread, TestContext.Current.CancellationToken);
        return stream;
    }

    /// <summary>Every message received so far, in order, as raw JSON (for the privacy checks).</summary>
    public IReadOnlyList<(string Kind, JsonElement Payload)> Received => _messages.ToArray();

    /// <summary>Waits for a message of <paramref name="kind"/> about comment <paramref name="id"/>.</summary>
    public Task<JsonElement> WaitAsync(string kind, string id) =>
        WaitAsync(kind, payload => payload.TryGetProperty("id", out var i) && i.GetString() == id);

    /// <summary>Waits for a message of <paramref name="kind"/> that <paramref name="matches"/>, among those after the first <paramref name="after"/>.</summary>
    public async Task<JsonElement> WaitAsync(string kind, Func<JsonElement, bool> matches, int after = 0)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var (k, payload) in _messages.Skip(after))
            {
                if (k == kind && matches(payload)) return payload;
            }
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
