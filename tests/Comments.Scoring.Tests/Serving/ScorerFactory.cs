using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Scoring.Tests.Serving;

internal static class ScorerFactory
{
    public static CommentScorer Create(string directory, bool watch = false, int reloadDelayMs = 100) => new(
        Options.Create(new ScoringOptions { ModelDirectory = directory, WatchModelFiles = watch, ReloadDelayMilliseconds = reloadDelayMs }),
        NullLogger<CommentScorer>.Instance,
        new ModelDirectory(directory));

    /// <summary>The scorer over the shipped models/ of the repository.</summary>
    public static CommentScorer Shipped() => Create(RepoPaths.Models);
}
