using Microsoft.AspNetCore.SignalR;

namespace Comments.Bench.Fanout;

/// <summary>
/// The floor: SignalR's own fan-out with nothing else. The same hub surface (JoinThread,
/// one commentPublished per comment with the thread's count inside) and a payload of the same shape and size, but no store and no
/// pipeline. In memory by default; given a Redis address, through the same Redis backplane as
/// the service, which separates the backplane's cost from the rest. POST /post/… broadcasts.
/// </summary>
public static class BaselineServer
{
    public const string Argument = "serve-baseline";

    public static void Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var signalR = builder.Services.AddSignalR(o => o.EnableDetailedErrors = false);
        // "serial": one broadcast at a time, each awaited to the last flush, as the Redis
        // backplane's subscriber does; otherwise a Redis address puts the backplane in between.
        var serial = args.Length > 0 && args[0] == "serial";
        if (args.Length > 0 && !serial) signalR.AddStackExchangeRedis(args[0]);
        var oneAtATime = new SemaphoreSlim(1);
        var app = builder.Build();
        app.MapHub<BaselineHub>("/hubs/comments");
        // The same metric line as the service's Prometheus endpoint, so the bench warms both until their JIT settles.
        app.MapGet("/metrics", () => $"dotnet_jit_compiled_methods_total {System.Runtime.JitInfo.GetCompiledMethodCount()}\n");
        var sequence = 0L;
        app.MapPost("/post/{site}/{thread}", async (string site, string thread, string text, IHubContext<BaselineHub> hub) =>
        {
            var seq = Interlocked.Increment(ref sequence);
            var comment = new BaselineComment(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), thread, null, 0,
                "Bench Poster", null, $"<p>{text}</p>", DateTimeOffset.UtcNow, null, seq.ToString(System.Globalization.CultureInfo.InvariantCulture), false, seq);
            var readers = hub.Clients.Group($"thread:{site}:{thread}");
            if (serial) await oneAtATime.WaitAsync();
            try
            {
                // One message per comment, the count inside, as the service sends it.
                await readers.SendAsync("commentPublished", comment);
            }
            finally
            {
                if (serial) oneAtATime.Release();
            }
            return Results.Created();
        });
        app.Run();
    }

    public sealed class BaselineHub : Hub
    {
        public Task JoinThread(string site, string thread) => Groups.AddToGroupAsync(Context.ConnectionId, $"thread:{site}:{thread}");
    }

    /// <summary>The same fields as the service's PublishedComment (PublicComment and the count), so the frames are the same size.</summary>
    public sealed record BaselineComment(string Id, string ThreadId, string? ParentId, int Depth, string AuthorName,
        string? AuthorUrl, string Html, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, string Cursor, bool Pinned, long Count);
}
