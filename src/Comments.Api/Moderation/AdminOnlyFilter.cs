using Comments.Api.Infrastructure;
using Comments.Core.Moderation;
using Comments.Core.Submissions;

namespace Comments.Api.Moderation;

/// <summary>Lets only an admin key (role admin) through: personal-data requests and a site's numbers. Others get 403 <c>auth.admin_required</c>.</summary>
public sealed class AdminOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ModerationApi.Who(context.HttpContext).Role == ModeratorRole.Admin
            ? next(context)
            : ValueTask.FromResult<object?>(Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.AuthAdminRequired, "This needs an admin key."));
}
