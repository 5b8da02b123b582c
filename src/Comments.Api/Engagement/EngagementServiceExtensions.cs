using Comments.Core.Engagement;
using Comments.Storage;

namespace Comments.Api.Engagement;

public static class EngagementServiceExtensions
{
    /// <summary>Likes, the recent feed, author edit and delete, their stores, and the engagement JSON shapes.</summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
        services.AddSingleton<ILikeStore, RedisLikeStore>();
        services.AddSingleton<IRecentComments, RedisRecentComments>();
        services.AddSingleton<CommentLikes>();
        services.AddSingleton<AuthorChanges>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(EngagementJson.Default));
        return services;
    }

    public static void MapEngagementApi(this IEndpointRouteBuilder routes)
    {
        routes.MapFlagsApi();
        routes.MapLikesApi();
        routes.MapRecentApi();
        routes.MapAuthorApi();
    }
}
