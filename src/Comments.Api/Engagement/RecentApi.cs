using Comments.Core.Sites;
using System.Globalization;
using Comments.Api.Infrastructure;
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
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            return Problems.BadQuery("limit", $"limit is a whole number from 1 to {MaxLimit}.");
        long? bound = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return Problems.BadQuery("before", "before is the 'nextCursor' of a previous page.");
            bound = parsed;
        }

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
        return TypedResults.Ok(new RecentCommentsResponse(site.Id, items, next?.ToString(CultureInfo.InvariantCulture)));
    }
}

public sealed record RecentComment(PublicComment Comment, string? ThreadTitle, string? ThreadUrl);

public sealed record RecentCommentsResponse(string Site, IReadOnlyList<RecentComment> Comments, string? NextCursor);
