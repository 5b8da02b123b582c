using Comments.Api.Comments;
using Comments.Api.Engagement;
using Comments.Api.Events;
using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Api.Limits;
using Comments.Api.Moderation;
using Comments.Api.Realtime;
using Comments.Api.Sites;
using Comments.Core.Submissions;
using Comments.Storage;

namespace Comments.Api;

/// <summary>
/// The host's composition root: one call per feature, each feature's <c>AddXxx</c> living in its
/// own folder. Order matters only for event subscribers (readers first, then moderators).
/// </summary>
public static class CommentsServiceExtensions
{
    public static WebApplicationBuilder AddCommentsService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSites(configuration);
        services.AddCommentStorage(configuration);
        services.AddCommentPipeline(configuration, builder.Environment.ContentRootPath);
        services.AddCommentEvents(configuration);
        services.AddSignalRBackplane();
        services.AddCommentsRealtime(configuration);
        services.AddModeration(configuration);
        services.AddEngagement();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => ErrorCodes.NotFound,
                StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
                StatusCodes.Status413PayloadTooLarge => ErrorCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
                _ => "request.error",
            });
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<StoreExceptionHandler>();
        services.AddCommentRateLimits(configuration);
        services.AddServerLimits(configuration);
        services.AddCommentHealth();
        services.AddOpenApi();
        services.AddTrustedProxies(configuration);
        return builder;
    }
}
