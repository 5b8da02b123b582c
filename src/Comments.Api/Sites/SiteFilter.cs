using Comments.Api.Infrastructure;
using Comments.Core.Sites;

namespace Comments.Api.Sites;

/// <summary>Resolves <c>{site}</c> for a route group: an unknown site is a 404, never a new site.</summary>
public sealed class SiteFilter(SiteDirectory sites) : IEndpointFilter
{
    private const string ItemKey = "comments.site";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var id = http.GetRouteValue("site") as string ?? "";
        var site = sites.Find(id);
        if (site is null) return ValueTask.FromResult<object?>(Problems.SiteNotFound(id));
        http.Items[ItemKey] = site;
        return next(context);
    }

    public static SiteOptions Site(HttpContext context) =>
        context.Items[ItemKey] as SiteOptions ?? throw new InvalidOperationException("SiteFilter did not run for this endpoint.");
}
