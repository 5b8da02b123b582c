using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Sites;
using Comments.Core;
using Comments.Core.Moderation;
using Comments.Core.PersonalData;
using Comments.Core.Submissions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.PersonalData;

/// <summary>
/// Personal-data export and erasure by email (GDPR articles 15 and 17) for one site, on the
/// moderators' site group, for admin keys only (<see cref="ModeratorRole.Admin"/>): an erasure cannot
/// be undone and an export holds every IP. The email travels in the body, never in a URL or a log.
/// </summary>
public static class PersonalDataApi
{
    private const long MaxBodyBytes = 4 * 1024;

    public static void MapPersonalDataEndpoints(this RouteGroupBuilder site)
    {
        var group = site.MapGroup("/personal-data")
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Personal data");
        group.MapPost("/export", Export)
            .WithName("ExportPersonalData")
            .WithSummary("Everything the site holds tied to an email, as one JSON document (schema comments-personal-data v1). Admin keys only.")
            .WithValidation(PersonalDataJson.Default.PersonalDataRequest, MaxBodyBytes);
        group.MapPost("/erase", Erase)
            .WithName("ErasePersonalData")
            .WithSummary("Anonymise everything tied to an email (the site's ErasedText decides the text); idempotent, audited without the email. Admin keys only.")
            .WithValidation(PersonalDataJson.Default.PersonalDataRequest, MaxBodyBytes);
    }

    public static async Task<Ok<JsonObject>> Export(HttpContext http, PersonalDataService service, CancellationToken ct)
    {
        var body = RequestValidation.Body<PersonalDataRequest>(http);
        return TypedResults.Ok(await service.ExportAsync(SiteFilter.Site(http).Id, body.Email!, ct));
    }

    public static async Task<Ok<EraseResponse>> Erase(HttpContext http, PersonalDataService service, CancellationToken ct)
    {
        var site = SiteFilter.Site(http);
        var body = RequestValidation.Body<PersonalDataRequest>(http);
        var erased = await service.EraseAsync(ModerationApi.Who(http).Name, site.Id, body.Email!, site.ErasedText, ct);
        return TypedResults.Ok(new EraseResponse(erased, site.ErasedText.ToLowerName()));
    }

}

public sealed record PersonalDataRequest(string? Email);

/// <param name="Erased">Items erased per section (comments, likes, flags, audit, bans); all zero when nothing was left.</param>
/// <param name="Text">The site's policy for the text: keep or delete.</param>
public sealed record EraseResponse(IReadOnlyDictionary<string, int> Erased, string Text);

public sealed class PersonalDataRequestValidator : RequestValidator<PersonalDataRequest>
{
    public override string Code => ErrorCodes.ModerationInvalid;

    public PersonalDataRequestValidator() =>
        RuleFor(r => r.Email).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).OverridePropertyName("email")
            .WithErrorCode(ErrorCodes.Required).WithMessage("email is required.")
            .Must(e => TextChecks.IsEmail(e!.Trim())).OverridePropertyName("email")
            .WithErrorCode(ErrorCodes.InvalidEmail).WithMessage("Not an email address.");
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, Converters = [typeof(StrictStringConverter)])]
[JsonSerializable(typeof(PersonalDataRequest))]
[JsonSerializable(typeof(EraseResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class PersonalDataJson : JsonSerializerContext;

public static class PersonalDataServiceExtensions
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PersonalDataOptions>(configuration, PersonalDataOptions.Section);
        services.AddSingleton<PersonalDataService>();
        services.AddHostedService<RetentionJob>();
        services.AddSingleton<PersonalDataAddresses>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Add(PersonalDataJson.Default);
            o.SerializerOptions.TypeInfoResolverChain.Add(PersonalDataRequestsJson.Default);
        });
        return services;
    }
}
