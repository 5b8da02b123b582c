using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Comments.Api.Tests.Webhooks;

/// <summary>One delivery as the receiver saw it, with whether its signature checked out under the hook's secret.</summary>
public sealed record Delivery(string Path, string Id, string Event, bool SignatureValid, long Timestamp, JsonElement Body);

/// <summary>
/// A real HTTP receiver (Kestrel on loopback) that checks each request's HMAC signature the way a site's
/// receiver would (<c>POST /{hook}</c>, one path per configured hook), and can be told to fail the next requests.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_test_4f9a2c7e1b";
    private readonly WebApplication _app;
    private int _failNext;

    public int Port { get; }
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    private WebhookReceiver(WebApplication app, int port) => (_app, Port) = (app, port);

    public string Url(string hook) => $"http://127.0.0.1:{Port}/{hook}";

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var receiver = new WebhookReceiver(builder.Build(), port);
        receiver._app.MapPost("/{hook}", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(string hook, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = request.Headers["X-Comments-Timestamp"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers["X-Comments-Signature"].ToString()));
        if (Interlocked.Decrement(ref _failNext) >= 0) return Results.StatusCode(500);
        Deliveries.Enqueue(new Delivery(hook, request.Headers["X-Comments-Delivery"].ToString(), request.Headers["X-Comments-Event"].ToString(),
            valid, long.Parse(timestamp, CultureInfo.InvariantCulture), JsonDocument.Parse(body).RootElement.Clone()));
        return Results.Ok();
    }

    /// <summary>The deliveries that match, once at least <paramref name="count"/> of them arrived (or after 30 s, as many as came).</summary>
    public async Task<List<Delivery>> WaitForAsync(Func<Delivery, bool> match, int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var found = Deliveries.Where(match).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(50, ct);
        }
        return Deliveries.Where(match).ToList();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
