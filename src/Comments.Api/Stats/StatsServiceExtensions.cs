using Comments.Api.Events;

namespace Comments.Api.Stats;

public static class StatsServiceExtensions
{
    /// <summary>The admin numbers: every event counted into its site's day (the store is registered with the storage).</summary>
    public static IServiceCollection AddSiteStats(this IServiceCollection services)
    {
        services.AddCommentEventSubscriber<StatsRecorder>();
        services.AddHostedService<StatsFlusher>();
        return services;
    }
}
