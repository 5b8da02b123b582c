using Comments.Api.Infrastructure;
using FluentValidation;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Engagement;

/// <summary>
/// The author's own edit and delete, within the site's window, and the status of their comment,
/// proven by the token the submission returned (the 202 body's <c>token</c>, or the 201's
/// <c>Author-Token</c> header). POST with a JSON body, like every other public write, so CORS
/// stays the simple GET/POST policy and the token never sits in a URL or an access log.
/// </summary>
public static class AuthorApi
{
    public static RouteGroupBuilder MapAuthorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Engagement", "/comments/{id}")
            .RequireRateLimiting(RateLimits.PostPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/edit", Edit)
            .WithName("EditOwnComment")
            .WithSummary("The author replaces the text of their comment within the edit window; answers the comment.")
            .WithValidation(EngagementJson.Default.AuthorEditRequest, FieldLimits.RequestBodyBytes);
        group.MapPost("/delete", Delete)
            .WithName("DeleteOwnComment")
            .WithSummary("The author deletes their comment within the edit window.")
            .WithValidation(EngagementJson.Default.AuthorTokenRequest, 1024);
        group.MapPost("/status", Status)
            .RequireRateLimiting(RateLimits.ReadPolicy) // asked on every page view; must not eat the reader's posting allowance
            .WithName("OwnCommentStatus")
            .WithSummary("The author's comment as it stands: published, pending (also while in the spam folder), rejected or deleted.")
            .WithValidation(EngagementJson.Default.AuthorTokenRequest, 1024);
        return group;
    }

    /// <summary>200 with the comment while it stays published; 202 with <c>pending</c> when the edit is held for a moderator.</summary>
    public static async Task<Results<Ok<OwnComment>, Accepted<OwnComment>, ProblemHttpResult>> Edit(
        string id, HttpContext http, AuthorChanges changes, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<AuthorEditRequest>(http);
        var result = await changes.EditAsync(site, id, body.Token, body.Text, ct);
        if (result is { Status: AuthorChangeStatus.Done, After: { Status: not CommentStatus.Published } held })
            return TypedResults.Accepted((string?)null, new OwnComment(held.Id, AuthorsView(held.Status), null));
        return Answer(result).Result switch
        {
            Ok<OwnComment> ok => ok,
            ProblemHttpResult refused => refused,
            var other => throw new InvalidOperationException($"Unexpected answer {other}."),
        };
    }

    public static async Task<Results<Ok<OwnComment>, ProblemHttpResult>> Delete(
        string id, HttpContext http, AuthorChanges changes, CancellationToken ct)
    {
        var body = RequestValidation.Body<AuthorTokenRequest>(http);
        return Answer(await changes.DeleteAsync(SiteFilter.Site(http), id, body.Token, ct));
    }

    public static async Task<Results<Ok<OwnComment>, ProblemHttpResult>> Status(
        string id, HttpContext http, AuthorChanges changes, CancellationToken ct)
    {
        var body = RequestValidation.Body<AuthorTokenRequest>(http);
        return Answer(await changes.StatusAsync(SiteFilter.Site(http), id, body.Token, ct));
    }

    private static Results<Ok<OwnComment>, ProblemHttpResult> Answer(AuthorChangeResult result) => result.Status switch
    {
        AuthorChangeStatus.Done => TypedResults.Ok(new OwnComment(result.After!.Id, AuthorsView(result.After.Status),
            result.After.Status == CommentStatus.Published ? PublicComment.From(result.After) : null)),
        AuthorChangeStatus.BadToken => Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.AuthorBadToken,
            "Only the author can change this comment.", [new FieldError("token", ErrorCodes.AuthorBadToken, "The author token does not match this comment.")]),
        AuthorChangeStatus.WindowClosed => Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.AuthorWindowClosed, result.Message!),
        AuthorChangeStatus.Invalid => Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.Validation, "The comment has errors.",
            [result.Error ?? new FieldError("text", ErrorCodes.Validation, result.Message!)]),
        _ => Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.CommentNotFound, "No such comment."),
    };

    /// <summary>The spam folder answers like pending, as the submission did: a spammer learns nothing from it.</summary>
    private static string AuthorsView(CommentStatus status) =>
        Core.Moderation.CommentDecisions.Name(status == CommentStatus.Spam ? CommentStatus.Pending : status);
}

public sealed record AuthorEditRequest(string? Token, string? Text);

/// <summary>The text is held to the one comment-text rule; the token is checked by <see cref="AuthorChanges"/> (a 403, not a 400).</summary>
public sealed class AuthorEditRequestValidator : RequestValidator<AuthorEditRequest>
{
    public override string Code => ErrorCodes.Validation;
    public override string Title => "The comment has errors.";

    public AuthorEditRequestValidator() => RuleFor(r => r.Text).CommentText();
}

/// <summary>The body of delete and status: the author token alone.</summary>
public sealed record AuthorTokenRequest(string? Token);

/// <summary>
/// Refuses nothing: the token is the record's only field, and a missing or malformed one is the same
/// 403 <c>author.bad_token</c> as a wrong one (<see cref="AuthorChanges"/>), so its shape reveals nothing.
/// </summary>
public sealed class AuthorTokenRequestValidator : RequestValidator<AuthorTokenRequest>
{
    public override string Code => ErrorCodes.AuthorBadToken;
}

/// <param name="Comment">The public comment when it is published; null while held or once deleted.</param>
public sealed record OwnComment(string Id, string Status, PublicComment? Comment);
