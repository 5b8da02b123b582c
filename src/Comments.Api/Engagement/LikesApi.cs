using Comments.Api.Infrastructure;
using FluentValidation;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Engagement;

/// <summary>
/// Likes without a login: one per comment per reader token (the widget's random per-browser token),
/// at most <see cref="ReaderKeys.LikesPerAddressAndComment"/> per address and comment, under the
/// per-IP post rate limit. A new like is pushed to the thread's readers as <c>likesChanged</c>.
/// </summary>
public static class LikesApi
{
    public static RouteGroupBuilder MapLikesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Engagement");

        group.MapPost("/comments/{id}/likes", Like)
            .WithName("LikeComment")
            .WithSummary("Like a published comment once per reader token; answers the comment's like count.")
            .WithValidation(EngagementJson.Default.LikeRequest, 1024)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(RateLimits.PostPolicy);

        group.MapGet("/threads/{thread}/likes", ThreadLikes)
            .WithThreadId()
            .WithName("GetThreadLikes")
            .WithSummary("Like counts of a thread's comments in one call.")
            .RequireRateLimiting(RateLimits.ReadPolicy);
        return group;
    }

    public static async Task<Results<Ok<LikeResponse>, ProblemHttpResult>> Like(
        string id, HttpContext http, ICommentStore comments, CommentLikes likes, StoreDigests digests, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<LikeRequest>(http);

        var comment = await comments.FindAsync(site.Id, id, ct);
        if (comment is not { Status: CommentStatus.Published })
            return Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment.");

        await digests.ReadyAsync(ct);
        // A counted like is one event: readers of the thread get the count from its subscribers.
        var outcome = await likes.LikeAsync(comment, digests.Reader(site.Id, body.Reader!), digests.Address(ClientInfo.Ip(http)), ct);
        if (outcome.Status == LikeStatus.TooMany)
            return Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.LikeRateLimited, "Too many likes for this comment from your network.");
        return TypedResults.Ok(new LikeResponse(id, outcome.Likes, Liked: true));
    }

    public static async Task<Results<Ok<ThreadLikesResponse>, ProblemHttpResult>> ThreadLikes(
        string thread, HttpContext http, ILikeStore likes, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        return TypedResults.Ok(new ThreadLikesResponse(site.Id, thread, await likes.CountsAsync(site.Id, thread, ct)));
    }
}

public sealed record LikeRequest(string? Reader);

public sealed class LikeRequestValidator : RequestValidator<LikeRequest>
{
    public override string Code => ErrorCodes.LikeInvalidReader;
    public override string Title => "The reader token is not valid.";

    public LikeRequestValidator() =>
        RuleFor(r => r.Reader).Must(ReaderKeys.IsReaderToken).OverridePropertyName("reader")
            .WithErrorCode(ErrorCodes.LikeInvalidReader).WithMessage("A reader token is 16 to 64 letters, digits, '-' or '_'.");
}

public sealed record LikeResponse(string Id, long Likes, bool Liked);

public sealed record ThreadLikesResponse(string Site, string Thread, IReadOnlyDictionary<string, long> Likes);
