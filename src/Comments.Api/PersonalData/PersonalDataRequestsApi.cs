using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Api.Sites;
using Comments.Core.Comments;
using Comments.Core.PersonalData;
using Comments.Core.Submissions;
using Comments.Core.Subscriptions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.PersonalData;

/// <summary>
/// A person's own personal-data export (GDPR article 15) without a moderator: they ask with their address
/// (202 whatever the address, at most one mail per address per day), and the signed link mailed to it opens
/// their export as a JSON download for a day. The address travels in the body only; the link names it by digest.
/// </summary>
public static class PersonalDataRequestsApi
{
    public static RouteGroupBuilder MapPersonalDataRequestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapSiteGroup("Personal data", "/personal-data")
            .RequireMail("This server sends no mail: ask the site's moderators for your data.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        group.MapPost("/requests", Request)
            .WithName("RequestPersonalData")
            .WithSummary("Ask for your own personal data: 202, and a signed link to your export is mailed to the address (if the site holds anything for it).")
            .WithValidation(PersonalDataRequestsJson.Default.PersonalDataLinkRequest, 4 * 1024)
            .RequireRateLimiting(RateLimits.PostPolicy);
        group.MapGet("/export", Export)
            .WithName("DownloadOwnPersonalData")
            .WithSummary("The export a mailed link opens (token from the mail): everything the site holds tied to the address, as a JSON download.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(RateLimits.ReadPolicy);
        return group;
    }

    public static async Task<Accepted<PersonalDataLinkResponse>> Request(HttpContext http, IPersonalDataRequests requests, StoreDigests digests,
        TimeProvider clock, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<PersonalDataLinkRequest>(http);
        await digests.ReadyAsync(ct);
        var digest = digests.Email(body.Email!.Trim());
        var now = clock.GetUtcNow();
        await requests.RequestAsync(site.Id, digest, PersonalDataMailHandler.Item(site.Id, digest, now), PersonalDataMailHandler.LinkLifetime, now, ct);
        // The same answer whether a mail goes, was held back by the daily limit, or the site holds nothing for the address.
        return TypedResults.Accepted((string?)null, new PersonalDataLinkResponse("link_sent"));
    }

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Export(HttpContext http, string? token, SubscriptionTokens tokens,
        PersonalDataAddresses addresses, PersonalDataService service, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        if (tokens.Verify(token, TokenPurpose.PersonalData, site.Id) is not { } claims)
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.PersonalDataBadLink, "This link is not valid or has expired: ask again for a new one.");
        // Erased since the mail went: the export is empty, and names no address.
        var email = await addresses.FindAsync(site.Id, claims.Digest, ct) ?? "";
        var document = await service.ExportAsync(site.Id, claims.Digest, email, ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"personal-data-{site.Id}.json\"";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(document);
    }
}

public sealed record PersonalDataLinkRequest(string? Email);

/// <param name="Status">Always <c>link_sent</c>: look for the mail.</param>
public sealed record PersonalDataLinkResponse(string Status);

public sealed class PersonalDataLinkRequestValidator : RequestValidator<PersonalDataLinkRequest>
{
    public override string Code => ErrorCodes.PersonalDataInvalid;

    public PersonalDataLinkRequestValidator() =>
        RuleFor(r => r.Email).Must(e => e is { Length: > 0 and <= FieldLimits.AuthorEmailBytes } && TextChecks.IsEmail(e.Trim()))
            .OverridePropertyName("email").WithErrorCode(ErrorCodes.InvalidEmail).WithMessage("Enter a valid email address.");
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(StrictStringConverter)])]
[JsonSerializable(typeof(PersonalDataLinkRequest))]
[JsonSerializable(typeof(PersonalDataLinkResponse))]
internal sealed partial class PersonalDataRequestsJson : JsonSerializerContext;
