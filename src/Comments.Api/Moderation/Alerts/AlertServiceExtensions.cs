using Comments.Api.Mail;
using Comments.Api.Outbox;
using Comments.Core.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Comments.Api.Moderation.Alerts;

public static class AlertServiceExtensions
{
    /// <summary>
    /// Moderator alert mails, sent through the outbox by the mail worker. Registered only with mail on and a
    /// moderator who wants alerts, so no trigger runs for nobody.
    /// </summary>
    public static IServiceCollection AddModeratorAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = new MailOptions();
        configuration.GetSection(MailOptions.Section).Bind(mail);
        var moderation = new ModerationOptions();
        configuration.GetSection(ModerationOptions.Section).Bind(moderation);
        if (!mail.Enabled || !moderation.Moderators.Any(m => m.Alerts != ModeratorAlerts.Off)) return services;
        services.AddSingleton<IOutboxTrigger, AlertTrigger>();
        services.AddSingleton<IOutboxHandler, AlertEventHandler>();
        services.AddSingleton<IOutboxHandler, AlertMailHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxWorker>());
        return services;
    }
}
