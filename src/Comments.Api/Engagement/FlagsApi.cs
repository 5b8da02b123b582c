using Comments.Core.Comments;
using Comments.Api.Infrastructure;
using FluentValidation;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Engagement;

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
            .WithValidation(EngagementJson.Default.FlagRequest, 4 * 1024)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.PostPolicy);
    }

    public static async Task<Results<Accepted<FlagResponse>, ProblemHttpResult>> Flag(
        string id, HttpContext http, ModerationService moderation, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<FlagRequest>(http);
        if (!Ids.IsComment(id)) return CommentNotFound();

        // A reader is known by address, digested (keyed): the flag hash holds no IP.
        await digests.ReadyAsync(ct);
        var outcome = await moderation.FlagAsync(site.Id, id, digests.Address(ClientInfo.Ip(http)), body.Reason!, site.FlagThreshold, ct);
        switch (outcome.Result)
        {
            case FlagResult.NotFlaggable:
                return CommentNotFound();
            case FlagResult.AlreadyFlagged:
                return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.AlreadyFlagged, "You already flagged this comment.");
        }
        return TypedResults.Accepted((string?)null, new FlagResponse("received"));
    }

    private static ProblemHttpResult CommentNotFound() =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");
}

public sealed class FlagRequestValidator : RequestValidator<FlagRequest>
{
    public override string Code => ErrorCodes.FlagInvalid;
    public override string Title => "The flag has errors.";

    public FlagRequestValidator() =>
        RuleFor(r => r.Reason).Must(RejectReasons.IsKnown).OverridePropertyName("reason")
            .WithErrorCode(ErrorCodes.FlagInvalid).WithMessage($"reason is one of: {string.Join(", ", RejectReasons.All)}.");
}

/// <param name="Reason">offensive, abusive, spam, off-topic, other.</param>
public sealed record FlagRequest(string? Reason);

public sealed record FlagResponse(string Status);
