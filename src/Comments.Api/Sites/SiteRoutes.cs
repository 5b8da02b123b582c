namespace Comments.Api.Sites;

public static class SiteRoutes
{
    /// <summary>
    /// A public route group under <c>/api/sites/{site}</c>: anonymous, the site resolved (unknown
    /// is a 404), CORS limited to the site's origins. Each API adds its own rate limit and metadata.
    /// </summary>
    public static RouteGroupBuilder MapSiteGroup(this IEndpointRouteBuilder routes, string tag, string suffix = "") =>
        routes.MapGroup("/api/sites/{site}" + suffix)
            .WithTags(tag)
            .AddEndpointFilter<SiteFilter>()
            .RequireCors(SiteCors.PolicyName);
}
