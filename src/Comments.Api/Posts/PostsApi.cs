using System.Globalization;
using System.Text;
using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Api.Sites;
using Comments.Api.Subscriptions;
using Comments.Core.Posts;
using Comments.Core.Submissions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Posts;

/// <summary>
/// The site owner announces a new post (moderator key, for a site the key may act on): its new-posts
/// subscribers get it by mail, or in their daily or weekly digest. Idempotent by URL: announcing a
/// post again mails nobody.
/// </summary>
public static class PostsApi
{
    public const int UrlMaxBytes = 2000, TitleMaxBytes = 300, SummaryMaxBytes = 2000;

    public static void MapPostEndpoints(this RouteGroupBuilder site) =>
        site.MapPost("/posts", Announce)
            .WithName("AnnouncePost")
            .WithSummary("Announce a new post to the site's new-posts subscribers: 202 when announced, 200 when its URL was announced (or read from the feed) before, and nothing is sent again.")
            .RequireMail("This server sends no mail: posts are not announced.")
            .WithValidation(PostsJson.Default.AnnounceRequest, 16 * 1024)
            .ProducesProblem(StatusCodes.Status501NotImplemented);

    public static async Task<Results<Accepted<AnnounceResponse>, Ok<AnnounceResponse>>> Announce(HttpContext http, PostAnnouncer announcer, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<AnnounceRequest>(http);
        var published = body.Published is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var (post, result) = await announcer.AnnounceAsync(site.Id, new Uri(body.Url!), body.Title!, body.Summary, published, mail: true, ct);
        return result == AnnounceResult.Announced
            ? TypedResults.Accepted((string?)null, new AnnounceResponse(post.Id, "announced"))
            : TypedResults.Ok(new AnnounceResponse(post.Id, "already_announced"));
    }
}

/// <param name="Url">The post's absolute http(s) URL: one announcement per URL.</param>
/// <param name="Published">When the post was published (ISO 8601); optional.</param>
public sealed record AnnounceRequest(string? Url, string? Title, string? Summary = null, string? Published = null);

/// <param name="Status"><c>announced</c> (mail queued) or <c>already_announced</c> (nothing sent).</param>
public sealed record AnnounceResponse(string Id, string Status);

public sealed class AnnounceRequestValidator : RequestValidator<AnnounceRequest>
{
    public override string Code => ErrorCodes.PostInvalid;
    public override string Title => "The post has errors.";

    public AnnounceRequestValidator()
    {
        RuleFor(r => r.Url).Must(u => u is { Length: > 0 } && Encoding.UTF8.GetByteCount(u) <= PostsApi.UrlMaxBytes && IsWebUrl(u))
            .OverridePropertyName("url").WithErrorCode(ErrorCodes.InvalidUrl).WithMessage("The post's absolute http(s) URL, at most 2000 bytes.");
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t))
            .OverridePropertyName("title").WithErrorCode(ErrorCodes.Required).WithMessage("The post needs a title.");
        RuleFor(r => r.Title).Must(t => Encoding.UTF8.GetByteCount(t!) <= PostsApi.TitleMaxBytes).When(r => r.Title is not null)
            .OverridePropertyName("title").WithErrorCode(ErrorCodes.TooLong).WithMessage("At most 300 bytes.");
        RuleFor(r => r.Summary).Must(s => Encoding.UTF8.GetByteCount(s!) <= PostsApi.SummaryMaxBytes).When(r => r.Summary is not null)
            .OverridePropertyName("summary").WithErrorCode(ErrorCodes.TooLong).WithMessage("At most 2000 bytes.");
        RuleFor(r => r.Published).Must(p => DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).When(r => r.Published is not null)
            .OverridePropertyName("published").WithErrorCode(ErrorCodes.PostInvalidDate).WithMessage("An ISO 8601 date and time (2026-11-30T12:00:00Z).");
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(StrictStringConverter)])]
[System.Text.Json.Serialization.JsonSerializable(typeof(AnnounceRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(AnnounceResponse))]
internal sealed partial class PostsJson : System.Text.Json.Serialization.JsonSerializerContext;
