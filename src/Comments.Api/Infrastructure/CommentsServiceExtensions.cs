using Comments.Api.Comments;
using Comments.Api.Events;
using Comments.Api.Health;
using Comments.Api.Limits;
using Comments.Api.Realtime;
using Comments.Api.Sites;
using Comments.Core.Events;
using Comments.Core.Rules;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Comments.Scoring;
using Comments.Storage;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Comments.Api.Infrastructure;

public static class CommentsServiceExtensions
{
    /// <summary>Everything the comment service needs: sites, storage, the pipeline, events, errors, limits, health.</summary>
    public static WebApplicationBuilder AddCommentsService(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSites(configuration);
        services.AddCommentStorage(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CommentRenderer>();
        services.AddSingleton<SubmissionPipeline>();
        services.AddSingleton<Core.Engagement.AuthorTokens>();
        services.AddSingleton<Core.Comments.StoreDigests>();
        services.AddSingleton<IDecisionRule, HoneypotRule>();
        services.AddSingleton<IDecisionRule, WordListRule>();
        services.AddSingleton<IDecisionRule, LinkCountRule>();
        services.AddCommentScoring(configuration, builder.Environment.ContentRootPath);
        services.AddSingleton<IDecisionRule, ModelRule>();
        services.AddOptions<EventOptions>().Bind(configuration.GetSection("Events")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChannelCommentEventPublisher>();
        services.AddSingleton<ICommentEventPublisher>(sp => sp.GetRequiredService<ChannelCommentEventPublisher>());
        services.AddHostedService<CommentEventDispatcher>();
        services.AddCommentsRealtime(configuration);

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => Core.Submissions.ErrorCodes.NotFound,
                StatusCodes.Status405MethodNotAllowed => Core.Submissions.ErrorCodes.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => Core.Submissions.ErrorCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => Core.Submissions.ErrorCodes.UnsupportedMediaType,
                _ => Core.Submissions.ErrorCodes.RequestError,
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
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, SiteCors>();
        services.AddCommentRateLimits(configuration);
        services.AddServerLimits(configuration);
        services.AddCommentHealth();
        services.AddHealthChecks().AddCheck<EventQueueHealthCheck>("events", tags: [HealthApi.ReadyTag]);
        services.AddOpenApi();

        services.AddTrustedProxies(configuration);
        return builder;
    }
}
