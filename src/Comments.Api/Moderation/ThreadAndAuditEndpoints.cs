using Comments.Core.Comments;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Closing and reopening threads, and reading the audit log.</summary>
public static class ThreadAndAuditEndpoints
{
    public static void MapThreadAndAuditEndpoints(this RouteGroupBuilder site)
    {
        site.MapPost("/threads/{thread}/close", (string thread, HttpContext http, ModerationService service, CancellationToken ct) =>
                SetClosed(thread, true, http, service, ct))
            .WithName("CloseThread")
            .WithSummary("Stop new comments: posting answers 409 comment.thread_closed.");
        site.MapPost("/threads/{thread}/reopen", (string thread, HttpContext http, ModerationService service, CancellationToken ct) =>
                SetClosed(thread, false, http, service, ct))
            .WithName("ReopenThread")
            .WithSummary("Take new comments again.");
        site.MapGet("/audit", GetAudit)
            .WithName("GetAudit")
            .WithSummary("Moderator actions, newest first; ?comment= narrows to one comment.");
    }

    public static async Task<Results<Ok<ThreadStateResponse>, ProblemHttpResult>> SetClosed(
        string thread, bool closed, HttpContext http, ModerationService service, CancellationToken ct)
    {
        if (!Ids.IsThread(thread)) return Problems.BadQuery("thread", "Not a valid thread id.");
        await service.SetThreadClosedAsync(ModerationApi.Who(http), SiteFilter.Site(http).Id, thread, closed, ct);
        return TypedResults.Ok(new ThreadStateResponse(thread, closed));
    }

    public static async Task<Results<Ok<AuditResponse>, ProblemHttpResult>> GetAudit(
        string? comment, string? cursor, string? limit, HttpContext http, IModerationStore store, CancellationToken ct)
    {
        if (comment is not null && !Ids.IsComment(comment)) return Problems.BadQuery("comment", "Not a comment id.");
        if (!Paging.TryParse(cursor, limit, out var before, out var size, out var problem)) return problem!;
        var page = await store.AuditAsync(SiteFilter.Site(http).Id, comment, before, size, ct);
        return TypedResults.Ok(new AuditResponse(page.Entries, Paging.Text(page.NextCursor)));
    }
}
