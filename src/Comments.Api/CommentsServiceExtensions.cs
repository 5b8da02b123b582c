using Comments.Api.Comments;
using Comments.Api.Engagement;
using Comments.Api.Events;
using Comments.Api.Health;
using Comments.Api.Import;
using Comments.Api.Infrastructure;
using Comments.Api.Limits;
using Comments.Api.Mail;
using Comments.Api.Moderation;
using Comments.Api.OpenApi;
using Comments.Api.PersonalData;
using Comments.Api.Posts;
using Comments.Api.Realtime;
using Comments.Api.Sites;
using Comments.Api.Stats;
using Comments.Api.Telemetry;
using Comments.Api.Moderation.Alerts;
using Comments.Api.Webhooks;
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
        services.AddSiteStats();
        services.AddMail(configuration);
        services.AddPosts(configuration);
        services.AddWebhooks(configuration);
        services.AddModeratorAlerts(configuration);
        services.AddPersonalData(configuration);
        services.AddImport(configuration);
        services.AddTelemetry(configuration);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => ErrorCodes.NotFound,
                StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => ErrorCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
                _ => ErrorCodes.RequestError,
            });
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            // ASP.NET's defaults give every other status its RFC 9110 link; these two it leaves out.
            context.ProblemDetails.Type ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
                _ => null,
            };
        });
        services.AddExceptionHandler<StoreExceptionHandler>();
        services.AddRequestValidators();
        services.AddCommentRateLimits(configuration);
        services.AddServerLimits(configuration);
        services.AddCommentHealth();
        services.AddCommentsOpenApi();
        services.AddTrustedProxies(configuration);
        return builder;
    }
}
