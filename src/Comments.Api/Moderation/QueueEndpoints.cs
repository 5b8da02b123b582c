using Comments.Core.Comments;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Reading the queues: one page of a queue, the counts for the tabs, one comment in full.</summary>
public static class QueueEndpoints
{
    public static void MapQueueEndpoints(this RouteGroupBuilder site)
    {
        site.MapGet("/queue/{queue}", GetQueue)
            .WithName("GetModerationQueue")
            .WithSummary("One page of a queue (pending, spam, reported, published, rejected, deleted), oldest first; ?thread= narrows to one thread.");
        site.MapGet("/counts", GetCounts)
            .WithName("GetModerationCounts")
            .WithSummary("The size of every queue.");
        site.MapGet("/comments/{id}", GetItem)
            .WithName("GetModerationItem")
            .WithSummary("One comment with everything a moderator needs, whatever its status.");
    }

    public static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> GetQueue(
        string queue, string? thread, string? cursor, string? limit,
        HttpContext http, IModerationStore store, ModerationItems items, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (!ModerationQueues.TryParse(queue, out var which))
            return Problems.BadQuery("queue", "queue is one of: pending, spam, reported, published, rejected, deleted.");
        if (thread is not null && Problems.BadThread(thread) is { } badThread) return badThread;
        if (!Paging.TryParse(cursor, limit, out var after, out var size, out var problem)) return problem!;

        var page = await store.ListAsync(site.Id, which, thread, after, size, ct);
        var counts = store.CountAsync(site.Id, ct);
        var listed = await items.ManyAsync(page.Comments, which, ct);
        return TypedResults.Ok(new QueueResponse(site.Id, which.Name(), listed, Paging.Text(page.NextCursor), await counts));
    }

    public static async Task<Ok<QueueCounts>> GetCounts(HttpContext http, IModerationStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CountAsync(SiteFilter.Site(http).Id, ct));

    public static async Task<Results<Ok<ModerationItem>, ProblemHttpResult>> GetItem(
        string id, HttpContext http, ICommentStore comments, ModerationItems items, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var comment = await comments.FindAsync(site.Id, id, ct);
        if (comment is null) return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");
        return TypedResults.Ok(await items.OneAsync(comment, ct));
    }
}
