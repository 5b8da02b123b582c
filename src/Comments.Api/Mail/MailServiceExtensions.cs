using Comments.Api.Infrastructure;
using Comments.Api.Outbox;
using Comments.Api.PersonalData;
using Comments.Api.Subscriptions;
using Comments.Core.Outbox;
using Comments.Core.Subscriptions;

namespace Comments.Api.Mail;

public static class MailServiceExtensions
{
    /// <summary>
    /// Mail and the outbox that sends it. Settings are always bound and validated; with no <c>Mail:Host</c>
    /// nothing is queued, no worker runs, and the subscription endpoints answer <c>mail.disabled</c>.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailOptions>(configuration, MailOptions.Section);
        services.AddSettings<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddSingleton<SubscriptionTokens>();
        services.AddSingleton<SubscriptionRequests>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Add(SubscriptionJson.Default);
            o.SerializerOptions.TypeInfoResolverChain.Add(OutboxApiJson.Default);
        });

        // Which features exist decides what is registered, so the switch is read here, once.
        var mail = new MailOptions();
        configuration.GetSection(MailOptions.Section).Bind(mail);
        if (!mail.Enabled) return services;

        services.AddSingleton<IOutboxTrigger, PublishedMailTrigger>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IOutboxHandler, ConfirmationMailHandler>();
        services.AddSingleton<IOutboxHandler, PublishedMailHandler>();
        services.AddSingleton<IOutboxHandler, ThreadBatchMailHandler>();
        services.AddSingleton<IOutboxHandler, PersonalDataMailHandler>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }

}
