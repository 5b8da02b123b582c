using Comments.Api.Import;
using Comments.Api.Outbox;
using Comments.Api.PersonalData;
using Comments.Api.Posts;
using Comments.Api.Sites;
using Comments.Api.Stats;
using Comments.Core;
using Comments.Core.Moderation;
using Comments.Core.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// The moderators' API: every route needs a moderator key, and every <c>/sites/{site}</c> route
/// a key for that site. The routes themselves live in the endpoint classes beside this one.
/// </summary>
public static class ModerationApi
{
    public const string HubPath = "/hubs/moderation";

    public static RouteGroupBuilder MapModerationApi(this IEndpointRouteBuilder routes)
    {
        // Resolved now so a bad Moderation section fails start-up, not the first sign-in.
        routes.ServiceProvider.GetRequiredService<ModeratorKeys>();
        var group = routes.MapGroup("/api/moderation")
            .WithTags("Moderation")
            .RequireAuthorization(ModeratorKeyAuthentication.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/me", Me)
            .WithName("GetModerator")
            .WithSummary("Who the key belongs to and which sites it may moderate.");

        var site = group.MapGroup("/sites/{site}")
            .AddEndpointFilter<SiteFilter>()
            .AddEndpointFilter<ModeratorSiteFilter>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        site.MapQueueEndpoints();
        site.MapActionEndpoints();
        site.MapBanEndpoints();
        site.MapThreadAndAuditEndpoints();
        site.MapStatsEndpoints();
        site.MapOutboxEndpoints();
        site.MapPostEndpoints();
        site.MapPersonalDataEndpoints();
        site.MapImportEndpoints();

        routes.MapHub<ModeratorHub>(HubPath).RequireAuthorization(ModeratorKeyAuthentication.PolicyName);
        return group;
    }

    public static Ok<ModeratorResponse> Me(HttpContext http, SiteDirectory sites)
    {
        var who = ModeratorKeyAuthentication.ModeratorOf(http.User);
        var visible = sites.All.Where(s => who.MaySee(s.Id)).OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ModeratedSite(s.Id, s.DisplayName, s.FlagThreshold)).ToList();
        return TypedResults.Ok(new ModeratorResponse(who.Name, who.Role.ToLowerName(), visible));
    }

    public static Moderator Who(HttpContext http) => ModeratorKeyAuthentication.ModeratorOf(http.User);
}
