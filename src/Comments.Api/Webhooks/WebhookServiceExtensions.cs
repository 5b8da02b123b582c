using Comments.Api.Outbox;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Comments.Api.Webhooks;

public static class WebhookServiceExtensions
{
    /// <summary>
    /// Webhooks on published, held, reported and decided comments, sent by the outbox worker (started here too when mail is off).
    /// Nothing is registered when no site has one, so no node polls an outbox it never fills.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var any = configuration.GetSection(Sites.SitesConfiguration.Section).GetChildren()
            .Any(site => site.GetSection(nameof(SiteOptions.Webhooks)).GetChildren().Any());
        if (!any) return services;
        services.AddHttpClient(WebhookHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IOutboxTrigger, WebhookTrigger>();
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<IOutboxHandler, WebhookHandler>();
        services.AddSingleton<IOutboxHandler, ModerationWebhookHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        return services;
    }
}
