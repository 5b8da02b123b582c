using Comments.Api.Infrastructure;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Rules;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Comments.Scoring;
using Comments.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Comments.Api.Comments;

public static class CommentPipelineServiceExtensions
{
    /// <summary>
    /// The submission pipeline and what it runs: the renderer, the digests and author tokens, the
    /// decision rules (in their <see cref="IDecisionRule.Order"/>), the model, and the comment API's JSON shapes.
    /// A new rule is one more <c>AddSingleton&lt;IDecisionRule, …&gt;</c> here.
    /// </summary>
    public static IServiceCollection AddCommentPipeline(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CommentRenderer>();
        services.AddSingleton<UiStrings>();
        services.AddSingleton<SubmissionPipeline>();
        services.AddSingleton<AuthorTokens>();
        services.AddSingleton<StoreDigests>();
        services.AddSingleton<IDecisionRule, HoneypotRule>();
        services.AddSingleton<IDecisionRule, WordListRule>();
        services.AddSingleton<IDecisionRule, LinkCountRule>();
        services.AddCommentScoring(configuration, contentRoot);
        services.AddSingleton<IDecisionRule, ModelRule>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default));
        services.AddSettings<ThreadCacheOptions>(configuration, ThreadCacheOptions.Section);
        services.AddSingleton<ThreadPageCache>();
        services.AddSingleton(sp => new ThreadVersions(sp.GetRequiredService<IConnectionMultiplexer>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ThreadCacheOptions>>().Value.VersionMaxAgeSeconds)));
        services.AddHostedService<ThreadVersionsStart>();
        return services;
    }
}
