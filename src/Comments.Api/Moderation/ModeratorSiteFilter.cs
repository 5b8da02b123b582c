using Comments.Api.Infrastructure;
using Comments.Core.Moderation;

using Comments.Core.Submissions;

namespace Comments.Api.Moderation;

/// <summary>After <see cref="Sites.SiteFilter"/>: a moderator of site A gets 403 on site B.</summary>
public sealed class ModeratorSiteFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var site = http.GetRouteValue("site") as string ?? "";
        if (!ModeratorKeyAuthentication.ModeratorOf(http.User).MaySee(site))
            return ValueTask.FromResult<object?>(Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.AuthForbiddenSite,
                "This key may not moderate that site."));
        return next(context);
    }
}
