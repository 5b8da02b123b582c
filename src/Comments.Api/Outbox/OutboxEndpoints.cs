using Comments.Api.Sites;
using Comments.Core.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Outbox;

/// <summary>The outbox seen by the site's moderators: how much is queued, and what failed for good.</summary>
public static class OutboxEndpoints
{
    public const int DeadLetterPage = 100;

    public static void MapOutboxEndpoints(this RouteGroupBuilder site) =>
        site.MapGet("/outbox", GetOutbox)
            .WithName("GetOutbox")
            .WithSummary("Items queued in the site's outbox and its latest dead letters (items that failed Outbox:MaxAttempts times).");

    public static async Task<Ok<OutboxResponse>> GetOutbox(HttpContext http, IOutbox outbox)
    {
        var site = SiteFilter.Site(http);
        var depth = await outbox.DepthAsync(site.Id);
        var dead = await outbox.DeadLettersAsync(site.Id, DeadLetterPage);
        // Kind, ids and the error's type: never an address, never a digest.
        return TypedResults.Ok(new OutboxResponse(site.Id, depth, dead.Select(d =>
            new DeadLetterView(d.Item.Kind, d.Item.Get("comment"), d.Item.Get("thread"), d.Attempts, d.Error, d.At)).ToList()));
    }
}

public sealed record OutboxResponse(string Site, long Queued, IReadOnlyList<DeadLetterView> DeadLetters);

/// <param name="Comment">The comment the item was about, when it was about one.</param>
public sealed record DeadLetterView(string Kind, string? Comment, string? Thread, long Attempts, string Error, DateTimeOffset At);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(OutboxResponse))]
internal sealed partial class OutboxApiJson : System.Text.Json.Serialization.JsonSerializerContext;
