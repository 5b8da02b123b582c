using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Admin.ImportExport;

/// <summary>The service's <see cref="CommentScorer"/> over a model folder, for <c>import --score</c>.</summary>
public static class ImportScorer
{
    public static CommentScorer Open(string configured)
    {
        var directory = ModelDirectory.Resolve(configured, Directory.GetCurrentDirectory());
        var scorer = new CommentScorer(Options.Create(new ScoringOptions { ModelDirectory = directory.Path, WatchModelFiles = false }),
            NullLogger<CommentScorer>.Instance, directory);
        if (scorer.Health.Ready) return scorer;
        scorer.Dispose();
        throw new AdminUsageException($"--score needs spam.zip and toxicity.zip in {directory.Path}: {scorer.Health.Description}");
    }
}
