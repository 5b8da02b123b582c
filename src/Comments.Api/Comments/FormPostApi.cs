using Comments.Api.Infrastructure;
using Comments.Api.Sites;
using Comments.Api.Subscriptions;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Comments;

/// <summary>
/// The no-JavaScript fallback: a plain HTML form with WordPress's field names (<c>comment</c>,
/// <c>author</c>, <c>email</c>, <c>url</c>, <c>comment_parent</c>) posts here as
/// <c>application/x-www-form-urlencoded</c>, and the reader is sent back to the article with 303:
/// <c>#comment-&lt;id&gt;</c> when published, <c>#comment-pending</c> when held. A refusal is a
/// page in the reader's language with the form and what they typed (<see cref="FormErrorPage"/>)
/// when the browser asks for HTML, else ProblemDetails.
/// <para>
/// CSRF-safe by design. A forged cross-site POST can gain nothing: (1) the endpoint carries no
/// ambient authority — it reads no cookie, session or credential, so a forged post can only do
/// what its sender could do directly, create a comment under the name typed into it; (2) the
/// request must come from one of the site's own pages: its <c>Origin</c> (or, when a browser omits
/// it, its <c>Referer</c>) must match the site's allowed origins, so another site cannot use a
/// visitor's browser and address to post (the service's own origin is accepted too: it is where the
/// error page's form posts from); (3) the 303 goes only to a page on those same origins,
/// so the endpoint is not an open redirect.
/// </para>
/// </summary>
public static class FormPostApi
{
    public const string PendingFragment = "comment-pending";

    public static RouteGroupBuilder MapFormPostApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sites/{site}")
            .WithTags("Comments")
            .AddEndpointFilter<SiteFilter>()
            .RequireRateLimiting(RateLimits.PostPolicy);

        group.MapPost("/threads/{thread}/comments/form", PostForm)
            .WithName("PostCommentForm")
            .WithSummary("No-JavaScript fallback: a WordPress-style form post, answered with 303 back to the article; a refusal is an HTML page with the form when the browser accepts text/html.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();
        return group;
    }

    public static async Task<Results<StatusCodeHttpResult, ProblemHttpResult, ContentHttpResult>> PostForm(
        string thread, HttpContext http, SubmissionPipeline pipeline, SubscriptionRequests subscriptions, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var (form, problem) = await FormBody.ReadAsync(http.Request, FieldLimits.RequestBodyBytes, ct);
        if (problem is not null) return problem;
        var returnTo = ArticleOf(http.Request, form!, site);
        if (returnTo is null)
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.FormOriginNotAllowed,
                "Comments can be posted only from this site's own pages.");
        string? Field(string name) => form!.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        var parent = Field("comment_parent");
        var result = await pipeline.SubmitAsync(site, new CommentSubmission
        {
            Site = site.Id,
            ThreadId = thread,
            Text = Field("comment"),
            AuthorName = Field("author"),
            AuthorEmail = Field("email"),
            AuthorUrl = Field("url"),
            ParentId = parent is null or "0" ? null : parent,
            ThreadUrl = returnTo.AbsoluteUri,
            Honeypot = Field("hp"),
            Ip = ClientInfo.Ip(http),
            UserAgent = ClientInfo.UserAgent(http),
        }, ct);

        if (result.Problem is { } refused)
        {
            var named = refused with { Errors = refused.Errors.Select(e => e with { Field = FormName(e.Field) }).ToList() };
            return FormErrorPage.Wanted(http.Request)
                ? FormErrorPage.Render(http, site, form!, returnTo, named, Problems.StatusOf(named))
                : Problems.From(named);
        }
        var answer = result.Answer!;
        // The form's lang is a hint, as on its error page: a value that is not a language tag is left out.
        await subscriptions.AfterSubmissionAsync(site.Id, thread, Field("email"), Field("subscribe_comments") is not null,
            Field("subscribe_blog") is not null, UiStrings.Primary(Field("lang")), ct);
        var fragment = answer.Published ? $"comment-{answer.Id}" : PendingFragment;
        http.Response.Headers.Location = new UriBuilder(returnTo) { Fragment = fragment }.Uri.AbsoluteUri;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>
    /// The article to return to: the form's <c>redirect_to</c> (browsers send only the origin as
    /// Referer on a cross-origin post), else the Referer; either only when it is on one of the
    /// site's origins, and only when the Origin header, if sent, is one too.
    /// </summary>
    private static Uri? ArticleOf(HttpRequest request, IReadOnlyDictionary<string, string> form, SiteOptions site)
    {
        var origin = request.Headers.Origin.ToString();
        var referer = request.Headers.Referer.ToString();
        if (origin.Length > 0 && !SiteOrigins.IsAllowed(site, origin) && !IsOwn(request, origin)) return null;
        if (origin.Length == 0 && !OnSite(referer, site) && !IsOwnPage(request, referer)) return null;
        var wanted = form.TryGetValue("redirect_to", out var r) && r.Length > 0 ? r : request.Headers.Referer.ToString();
        return OnSite(wanted, site) ? new Uri(wanted) : null;
    }

    /// <summary>
    /// The service's own origin: the form on <see cref="FormErrorPage"/>, sent again after a
    /// correction. Only this service serves pages there, so it is as safe as the site's origins;
    /// the 303 still goes only to the site's origins.
    /// </summary>
    private static bool IsOwn(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    private static bool IsOwnPage(HttpRequest request, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsOwn(request, uri.GetLeftPart(UriPartial.Authority));

    private static bool OnSite(string url, SiteOptions site) =>
        url.Length <= FieldLimits.ThreadUrlBytes
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && SiteOrigins.IsAllowed(site, uri.GetLeftPart(UriPartial.Authority));

    private static string FormName(string field) => field switch
    {
        "text" => "comment",
        "authorName" => "author",
        "authorEmail" => "email",
        "authorUrl" => "url",
        "parentId" => "comment_parent",
        _ => field,
    };
}
