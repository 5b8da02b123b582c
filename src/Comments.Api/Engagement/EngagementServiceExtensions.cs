using Comments.Core.Engagement;

namespace Comments.Api.Engagement;

public static class EngagementServiceExtensions
{
    /// <summary>Likes, author edit and delete, and the engagement JSON shapes (their stores: AddCommentStorage).</summary>
    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
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
