using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Core.Outbox;

namespace Comments.Api.Posts;

public static class PostServiceExtensions
{
    /// <summary>New-posts mail: the announce call, the feed poller and their mail handlers; only with mail on (<c>Mail:Host</c>).</summary>
    public static IServiceCollection AddPosts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PostOptions>(configuration, PostOptions.Section);
        services.AddSingleton<PostAnnouncer>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(PostsJson.Default));

        var mail = new MailOptions();
        configuration.GetSection(MailOptions.Section).Bind(mail);
        if (!mail.Enabled) return services;
        services.AddSingleton<IOutboxHandler, PostMailHandler>();
        services.AddSingleton<IOutboxHandler, PostDigestMailHandler>();
        services.AddHttpClient(FeedPoller.HttpClientName);
        services.AddHostedService<FeedPoller>();
        return services;
    }
}
