using Comments.Api.Health;
using Comments.Api.Infrastructure;
using Comments.Core.Events;

namespace Comments.Api.Events;

public static class EventServiceExtensions
{
    /// <summary>
    /// The one event path after a save: the ordered, bounded queues (<see cref="ChannelCommentEventPublisher"/>),
    /// their dispatcher and their health. Subscribers join with <see cref="AddCommentEventSubscriber{T}"/>.
    /// </summary>
    public static IServiceCollection AddCommentEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<EventOptions>(configuration, EventOptions.Section);
        services.AddSingleton<ChannelCommentEventPublisher>();
        services.AddSingleton<ICommentEventPublisher>(sp => sp.GetRequiredService<ChannelCommentEventPublisher>());
        services.AddHostedService<CommentEventDispatcher>();
        services.AddHealthChecks().AddCheck<EventQueueHealthCheck>("events", tags: [HealthApi.ReadyTag]);
        return services;
    }

    /// <summary>Adds a subscriber of every comment event; subscribers run in the order they were added.</summary>
    public static IServiceCollection AddCommentEventSubscriber<T>(this IServiceCollection services) where T : class, ICommentEventSubscriber
    {
        services.AddSingleton<T>();
        services.AddSingleton<ICommentEventSubscriber>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
