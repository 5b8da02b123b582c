using Comments.Core.Comments;
using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// Readers flag a published comment (anonymous, rate-limited, one flag per reader per comment;
/// a reader is known by address). At the site's threshold it joins the reported queue and stays
/// visible until a moderator decides.
/// </summary>
public static class FlagsApi
{
    public static void MapFlagsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapSiteGroup("Comments")
            .MapPost("/comments/{id}/flags", Flag)
            .WithName("FlagComment")
            .WithSummary("Flag a published comment for moderators, with a reason: offensive, abusive, spam, off-topic, other.")
            .Accepts<FlagRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.PostPolicy);
    }

    public static async Task<Results<Accepted<FlagResponse>, ProblemHttpResult>> Flag(
        string id, HttpContext http, IModerationStore store, Core.Storage.ICommentStore comments, ModerationQueueBroadcaster queue, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var (body, problem) = await JsonBody.ReadAsync(http.Request, ModerationJson.Default.FlagRequest, 4 * 1024, ct);
        if (problem is not null) return problem;
        if (!RejectReasons.IsKnown(body!.Reason))
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.FlagInvalid, "The flag has errors.",
                [new FieldError("reason", ErrorCodes.FlagInvalid, $"reason is one of: {string.Join(", ", RejectReasons.All)}.")]);
        if (!Ids.IsComment(id)) return CommentNotFound();

        // A reader is known by address, digested (keyed): the flag hash holds no IP.
        await digests.ReadyAsync(ct);
        var outcome = await store.AddFlagAsync(site.Id, id, digests.Address(ClientInfo.Ip(http)), body.Reason!, site.FlagThreshold, ct);
        switch (outcome.Result)
        {
            case FlagResult.NotFlaggable:
                return CommentNotFound();
            case FlagResult.AlreadyFlagged:
                return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.AlreadyFlagged, "You already flagged this comment.");
        }
        if (outcome.BecameReported && await comments.GetAsync(site.Id, id, ct) is { } reported) await queue.ReportedAsync(reported, ct);
        return TypedResults.Accepted((string?)null, new FlagResponse("received"));
    }

    private static ProblemHttpResult CommentNotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");
}
