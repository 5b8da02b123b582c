using Comments.Core.Text;
using Comments.Training.Cli;

namespace Comments.Scoring.Tests.Serving;

public sealed class CommentScorerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-scorer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string TrainSmallModel(string kind, string outDirectory, float l2)
    {
        var data = GeneratedCorpus.Write(_directory);
        var exit = CommandLine.Run(["train", "--kind", kind, "--data", data, "--out", outDirectory, "--l2", l2.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, exit);
        return Path.Combine(outDirectory, kind + ".zip");
    }

    [Fact]
    public void A_missing_model_leaves_the_scorer_not_ready_with_null_scores()
    {
        File.Copy(Path.Combine(RepoPaths.Models, "spam.zip"), Path.Combine(_directory, "spam.zip"));
        using var scorer = ScorerFactory.Create(_directory);

        Assert.False(scorer.Health.Ready);
        Assert.Contains("cannot load toxicity.zip", scorer.Health.Description);
        var scores = scorer.Score("you are an idiot");
        Assert.Null(scores.Toxicity);
        Assert.Empty(scores.ToxicTerms);
        Assert.NotNull(scores.Spam);
        Assert.Contains("toxicity-missing", scores.ModelVersion);
    }

    [Fact]
    public void A_corrupt_model_file_is_reported_not_thrown()
    {
        File.WriteAllText(Path.Combine(_directory, "spam.zip"), "not a zip");
        File.WriteAllText(Path.Combine(_directory, "toxicity.zip"), "not a zip");
        using var scorer = ScorerFactory.Create(_directory);

        Assert.False(scorer.Health.Ready);
        Assert.Contains("not a readable ML.NET model", scorer.Health.Description);
        var scores = scorer.Score("hello");
        Assert.Null(scores.Spam);
        Assert.Null(scores.Toxicity);
    }

    [Fact]
    public async Task Replacing_a_model_file_changes_the_version_without_a_restart()
    {
        File.Copy(Path.Combine(RepoPaths.Models, "toxicity.zip"), Path.Combine(_directory, "toxicity.zip"));
        TrainSmallModel("spam", _directory, l2: 1f);
        using var scorer = ScorerFactory.Create(_directory, watch: true);
        Assert.True(scorer.Health.Ready, scorer.Health.Description);
        var before = scorer.Score("win a free prize").ModelVersion;

        var replacement = TrainSmallModel("spam", Path.Combine(_directory, "next"), l2: 0.1f);
        var changed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        scorer.ModelsChanged += version => changed.TrySetResult(version);
        File.Copy(replacement, Path.Combine(_directory, "spam.zip"), overwrite: true);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.NotEqual(before, scorer.Score("win a free prize").ModelVersion);
        Assert.True(scorer.Health.Ready);
    }

    [Fact]
    public void Terms_are_listed_for_a_suspicious_comment_and_not_for_a_clean_one()
    {
        using var scorer = ScorerFactory.Shipped();
        var clean = scorer.Score(TextNormalizer.Normalize("Thanks for the update on the library opening hours."));
        var abusive = scorer.Score(TextNormalizer.Normalize("You are a stupid idiot."));

        Assert.True(clean.Toxicity < 0.1, $"toxicity {clean.Toxicity}");
        Assert.Empty(clean.ToxicTerms);
        Assert.Contains("idiot", abusive.ToxicTerms);
    }

    [Fact]
    public void The_version_names_both_files_and_their_hashes()
    {
        using var scorer = ScorerFactory.Shipped();
        Assert.Matches("^spam-[0-9a-f]{12}\\+toxicity-[0-9a-f]{12}$", scorer.Score("hello").ModelVersion);
    }

    [Fact]
    public void Scoring_from_many_threads_gives_the_same_scores_as_one_thread()
    {
        using var scorer = ScorerFactory.Shipped();
        var texts = Enumerable.Range(0, 400).Select(i => TextNormalizer.Normalize($"comment {i}: {(i % 3 == 0 ? "you idiot" : i % 3 == 1 ? "check out my channel http://x.example" : "I see your point")} {new string('a', i % 17)}")).ToArray();
        var sequential = texts.Select(t => scorer.Score(t)).ToArray();
        var parallel = new CommentScoresBox[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = new(scorer.Score(texts[i])));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i].Spam, parallel[i].Scores.Spam);
            Assert.Equal(sequential[i].Toxicity, parallel[i].Scores.Toxicity);
            Assert.Equal(sequential[i].ToxicTerms, parallel[i].Scores.ToxicTerms);
        }
    }

    private sealed record CommentScoresBox(Comments.Core.Scoring.CommentScores Scores);
}
