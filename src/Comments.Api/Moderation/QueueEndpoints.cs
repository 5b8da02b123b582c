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
            .WithSummary("One page of a queue (pending, spam, reported, published, rejected, deleted), oldest first; ?thread= narrows to one thread, "
                + "?q= to words in the text, author name or email, ?reason= to a reason code or its family, ?from=&to= to days (UTC). "
                + "A filtered page reads at most 2,000 comments: fewer matches with a nextCursor means the search goes on from there.");
        site.MapGet("/counts", GetCounts)
            .WithName("GetModerationCounts")
            .WithSummary("The size of every queue.");
        site.MapGet("/comments/{id}", GetItem)
            .WithName("GetModerationItem")
            .WithSummary("One comment with everything a moderator needs, whatever its status.");
    }

    public static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> GetQueue(
        string queue, string? thread, string? cursor, string? limit, string? q, string? reason, string? from, string? to,
        HttpContext http, IModerationStore store, ModerationItems items, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (!ModerationQueues.TryParse(queue, out var which))
            return Problems.BadQuery("queue", "queue is one of: pending, spam, reported, published, rejected, deleted.");
        if (thread is not null && Problems.BadThread(thread) is { } badThread) return badThread;
        if (!Paging.TryParse(cursor, limit, out var after, out var size, out var problem)) return problem!;
        if (!QueueFilter.TryParse(q, reason, from, to, out var filter, out problem)) return problem!;

        var counts = store.CountAsync(site.Id, ct);
        var page = filter.IsEmpty
            ? await store.ListAsync(site.Id, which, thread, after, size, ct)
            : await SearchAsync(store, site.Id, which, thread, after, size, filter, ct);
        var listed = await items.ManyAsync(page.Comments, which, ct);
        return TypedResults.Ok(new QueueResponse(site.Id, which.Name(), listed, Paging.Text(page.NextCursor), await counts));
    }

    /// <summary>Reads the queue page by page from <paramref name="after"/> until <paramref name="size"/> comments match or the scan budget is spent.</summary>
    private static async Task<QueuePage> SearchAsync(
        IModerationStore store, string site, ModerationQueue queue, string? thread, long? after, int size, QueueFilter filter, CancellationToken ct)
    {
        var found = new List<Comment>(size);
        for (var read = 0; read < QueueFilter.ScanBudget; read += Paging.MaxLimit)
        {
            var page = await store.ListAsync(site, queue, thread, after, Paging.MaxLimit, ct);
            foreach (var comment in page.Comments)
            {
                after = comment.Seq;
                if (!filter.Matches(comment)) continue;
                found.Add(comment);
                var last = page.NextCursor is null && ReferenceEquals(comment, page.Comments[^1]);
                if (found.Count == size) return new QueuePage(found, last ? null : after);
            }
            if (page.NextCursor is null) return new QueuePage(found, null);
            after = page.NextCursor;
        }
        return new QueuePage(found, after);
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
