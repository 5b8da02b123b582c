using Comments.Core.Comments;
using FluentValidation;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Sites;
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
            .WithThreadId()
            .WithName("CloseThread")
            .WithSummary("Stop new comments: posting answers 409 comment.thread_closed.");
        site.MapPost("/threads/{thread}/reopen", (string thread, HttpContext http, ModerationService service, CancellationToken ct) =>
                SetClosed(thread, false, http, service, ct))
            .WithThreadId()
            .WithName("ReopenThread")
            .WithSummary("Take new comments again.");
        site.MapPost("/threads/{thread}/details", SetDetails)
            .WithName("SetThreadDetails")
            .WithSummary("Correct the thread's title or page URL (the URL must be on the site's origins; query and fragment are dropped).")
            .WithThreadId()
            .WithValidation(ModerationJson.Default.ThreadDetailsRequest, 8 * 1024);
        site.MapGet("/audit", GetAudit)
            .WithName("GetAudit")
            .WithSummary("Moderator actions, newest first; ?comment= narrows to one comment.");
    }

    public static async Task<Results<Ok<ThreadStateResponse>, ProblemHttpResult>> SetClosed(
        string thread, bool closed, HttpContext http, ModerationService service, CancellationToken ct)
    {
        await service.SetThreadClosedAsync(ModerationApi.Who(http), SiteFilter.Site(http).Id, thread, closed, ct);
        return TypedResults.Ok(new ThreadStateResponse(thread, closed));
    }

    public static async Task<Results<Ok<ThreadDetailsResponse>, ProblemHttpResult>> SetDetails(
        string thread, HttpContext http, ModerationService service, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<ThreadDetailsRequest>(http);
        var url = body.Url is null ? null : SiteUrls.ThreadPage(site, body.Url);
        if (body.Url is not null && url is null)
            return ActionEndpoints.Invalid("url", "The URL must be an http(s) page on one of the site's AllowedOrigins.", ErrorCodes.InvalidUrl);
        var title = body.Title?.Trim();
        await service.SetThreadDetailsAsync(ModerationApi.Who(http), site.Id, thread, title, url, ct);
        return TypedResults.Ok(new ThreadDetailsResponse(thread, title, url));
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

/// <summary>The title is held to the shared text rule (one line, the thread title limit); a title, if sent, must be visible.</summary>
public sealed class ThreadDetailsValidator : RequestValidator<ThreadDetailsRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public ThreadDetailsValidator()
    {
        RuleFor(r => r.Title).Cascade(CascadeMode.Stop)
            .Visible("title", "A title, if sent, must not be empty.")
            .CheckedText("title", FieldLimits.ThreadTitleBytes, multiline: false)
            .When(r => r.Title is not null);
        RuleFor(r => r).Must(r => r.Title is not null || r.Url is not null).OverridePropertyName("title")
            .WithErrorCode(ErrorCodes.Required).WithMessage("Send a title, a url or both.");
    }
}
