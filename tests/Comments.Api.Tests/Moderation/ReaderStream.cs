using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Moderation;

/// <summary>
/// A reader following one thread on the readers' hub (<c>/hubs/comments</c>, built on the live
/// stream's branch), recording what it is sent. <see cref="TryConnectAsync"/> answers null when
/// the service has no readers' hub, so moderation tests can say what they could not check.
/// </summary>
public sealed class ReaderStream : IAsyncDisposable
{
    public const string HubPath = "/hubs/comments";

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Kind, JsonElement Payload)> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private ReaderStream(HubConnection connection) => _connection = connection;

    public static async Task<ReaderStream?> TryConnectAsync(Uri baseAddress, string site, string thread)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, HubPath)).Build();
        var stream = new ReaderStream(connection);
        foreach (var kind in new[] { "commentPublished", "commentUpdated", "commentRemoved" })
        {
            connection.On<JsonElement>(kind, payload =>
            {
                stream._messages.Enqueue((kind, payload));
                stream._arrived.Release();
            });
        }
        try
        {
            await connection.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            await connection.DisposeAsync();
            return null;
        }
        await connection.InvokeAsync("JoinThread", site, thread, TestContext.Current.CancellationToken);
        return stream;
    }

    /// <summary>Waits for a message of <paramref name="kind"/> about comment <paramref name="id"/>.</summary>
    public async Task<JsonElement> WaitAsync(string kind, string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var (k, payload) in _messages)
            {
                if (k == kind && payload.GetProperty("id").GetString() == id) return payload;
            }
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
