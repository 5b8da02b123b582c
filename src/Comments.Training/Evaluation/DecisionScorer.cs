using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Training.Evaluation;

/// <summary>The service's own scorer over a folder of model files, without watching it.</summary>
public static class DecisionScorer
{
    public static CommentScorer Open(string directory, bool semantic = false, double? semanticWeight = null)
    {
        var options = new ScoringOptions { ModelDirectory = directory, WatchModelFiles = false, SemanticStage = semantic };
        if (semanticWeight is { } weight) options.SemanticWeight = weight;
        var scorer = new CommentScorer(Options.Create(options),
            NullLogger<CommentScorer>.Instance, new ModelDirectory(directory));
        if (semantic && scorer.Semantic is null)
        {
            scorer.Dispose();
            throw new Cli.UsageException($"--semantic needs spam.semantic.zip and toxicity.semantic.zip in {directory} (train-semantic)");
        }
        if (!scorer.Health.Ready)
        {
            scorer.Dispose();
            throw new Cli.UsageException($"--decisions needs spam.zip and toxicity.zip in {directory}: {scorer.Health.Description}");
        }
        return scorer;
    }
}
