using Comments.Core.Scoring;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comments.Scoring;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICommentScorer"/> as a singleton reading the "Scoring" section.
    /// <paramref name="contentRoot"/> anchors a relative Scoring:ModelDirectory (pass the host's
    /// ContentRootPath; defaults to the current directory).
    /// </summary>
    public static IServiceCollection AddCommentScoring(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        services.AddOptions<ScoringOptions>()
            .Bind(configuration.GetSection(ScoringOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ModelDirectory), "Scoring:ModelDirectory is required")
            .Validate(o => o.ReloadDelayMilliseconds >= 0 && o.MaxTerms >= 0 && o.ExplainFromScore is >= 0 and <= 1 && o.SecondLookFromScore is >= 0 and <= 1,
                "Scoring:ReloadDelayMilliseconds and Scoring:MaxTerms must not be negative; Scoring:ExplainFromScore and Scoring:SecondLookFromScore are probabilities")
            .Validate(o => o.SemanticFromScore is >= 0 and <= 1 && o.SemanticUpToScore is >= 0 and <= 1 && o.SemanticWeight is >= 0 and <= 1,
                "Scoring:SemanticFromScore, Scoring:SemanticUpToScore and Scoring:SemanticWeight are between 0 and 1")
            .ValidateOnStart();
        services.AddSingleton(sp => ModelDirectory.Resolve(
            sp.GetRequiredService<IOptions<ScoringOptions>>().Value.ModelDirectory, contentRoot ?? Directory.GetCurrentDirectory()));
        services.AddSingleton<CommentScorer>();
        services.AddSingleton<ICommentScorer>(sp => sp.GetRequiredService<CommentScorer>());
        return services;
    }
}
