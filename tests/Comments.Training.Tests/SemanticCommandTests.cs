using System.Text.Json;
using Comments.Scoring.Semantic;
using Comments.Training.Semantic;

namespace Comments.Training.Tests;

/// <summary>
/// The semantic stage's training path with the real MiniLM encoder (the package's ONNX model,
/// offline): `embed` fills the cache, `train-semantic` trains a head that separates a made-up
/// corpus it never saw the test rows of, and the head file is what serving loads.
/// </summary>
public sealed class SemanticCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-semantic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Embed_then_train_semantic_writes_a_head_that_serving_loads_and_that_separates_the_test_rows()
    {
        var data = GeneratedCorpus.Write(_directory, rowsPerClass: 40);
        var cache = Path.Combine(_directory, "cache");
        var fast = TrainingCli.Run("train", "--kind", "spam", "--data", data, "--out", _directory);
        Assert.True(fast.Exit == 0, fast.Err);

        var embed = TrainingCli.Run("embed", "--data", data, "--cache", cache);
        Assert.True(embed.Exit == 0, embed.Err);
        Assert.Contains("80 rows in the sample, 80 to embed", embed.Err);
        var again = TrainingCli.Run("embed", "--data", data, "--cache", cache);
        Assert.Contains("0 to embed", again.Err);

        var train = TrainingCli.Run("train-semantic", "--kind", "spam", "--data", data, "--cache", cache, "--model", Path.Combine(_directory, "spam.zip"), "--out", _directory);
        Assert.True(train.Exit == 0, train.Err);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "spam.semantic.metrics.json")));
        var test = metrics.RootElement.GetProperty("testSample").GetProperty("generated");
        Assert.Equal(16, test.GetProperty("rows").GetInt32());
        Assert.True(test.GetProperty("semantic").GetProperty("rocAuc").GetDouble() > 0.9, train.Out);

        var head = SemanticHead.Load(Path.Combine(_directory, "spam.semantic.zip"));
        using var embedder = new SentenceEmbedder();
        Assert.True(head.Probability(embedder.Embed("click here to claim your free cash prize")) > head.Probability(embedder.Embed("the council meeting is on Tuesday")));
    }

    [Fact]
    public void The_cache_gives_back_what_was_added_after_a_restart()
    {
        var vector = Enumerable.Range(0, SentenceEmbedder.Dimension).Select(i => i / 7f).ToArray();
        new EmbeddingCache(_directory).Add("a comment", vector);

        var reopened = new EmbeddingCache(_directory);

        Assert.Equal(1, reopened.Count);
        Assert.True(reopened.TryGet("a comment", out var back));
        Assert.Equal(vector, back);
        Assert.False(reopened.TryGet("another comment", out _));
    }
}
