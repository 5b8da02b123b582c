using Comments.Core.Sites;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Engagement;

/// <summary>A site's recent comments feed (for a "Recent comments" sidebar): published only, newest first.</summary>
public static class RecentApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapRecentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Engagement");
        group.MapGet("/recent", Recent)
            .WithName("GetRecentComments")
            .WithSummary("The site's published comments, newest first, with their thread's title and URL; page with ?before=<nextCursor>.")
            .RequireRateLimiting(RateLimits.ReadPolicy);
        return group;
    }

    public static async Task<Results<Ok<RecentCommentsResponse>, ProblemHttpResult>> Recent(
        string? limit, string? before, HttpContext http, IRecentComments recent, ICommentStore store, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (!Paging.TryParseLimit(limit, DefaultLimit, MaxLimit, out var size, out var problem)
            || !Paging.TryParseCursor(before, "before", "before is the 'nextCursor' of a previous page.", out var bound, out problem))
            return problem!;

        var (ids, next) = await recent.ListAsync(site.Id, bound, size, ct);
        var comments = (await Task.WhenAll(ids.Select(id => store.GetAsync(site.Id, id, ct))))
            .Where(c => c is { Status: CommentStatus.Published }).Select(c => c!).ToList();
        var threads = new Dictionary<string, CommentThread?>();
        foreach (var threadId in comments.Select(c => c.ThreadId).Distinct())
            threads[threadId] = await store.GetThreadAsync(site.Id, threadId, ct);

        // The URL passes the same rule when shown as when stored: one written by an older build
        // may still carry a reader's query string or another origin.
        var items = comments.Select(c => new RecentComment(PublicComment.From(c), threads[c.ThreadId]?.Title,
            SiteUrls.ThreadPage(site, threads[c.ThreadId]?.Url))).ToList();
        return TypedResults.Ok(new RecentCommentsResponse(site.Id, items, Paging.Text(next)));
    }
}

public sealed record RecentComment(PublicComment Comment, string? ThreadTitle, string? ThreadUrl);

public sealed record RecentCommentsResponse(string Site, IReadOnlyList<RecentComment> Comments, string? NextCursor);
