using System.Security.Cryptography;
using System.Text.Json;
using Comments.Training.Cli;

namespace Comments.Training.Tests;

/// <summary>
/// The learning loop's gate: a model retrained with moderators' labels next to the corpus
/// replaces the serving one only when it is no worse on every evaluation set.
/// </summary>
public sealed class PromoteGateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-promote-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Out) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output + error.ToString());
    }

    private string Train(string name, params string[] data)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var args = new List<string> { "train", "--kind", "spam", "--out", dir };
        foreach (var file in data) { args.Add("--data"); args.Add(file); }
        var (exit, output) = Run([.. args]);
        Assert.True(exit == 0, output);
        return Path.Combine(dir, "spam.zip");
    }

    /// <summary>The training rows with their labels flipped: a model that learns the opposite.</summary>
    private string Poisoned(string corpus)
    {
        var path = Path.Combine(_directory, "poisoned.jsonl");
        File.WriteAllLines(path, File.ReadLines(corpus).Select(line =>
        {
            var row = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
            var label = row["label"].GetInt32();
            var flipped = row["split"].GetString() == "train" ? 1 - label : label;
            return JsonSerializer.Serialize(new { text = row["text"].GetString(), label = flipped, split = row["split"].GetString(), source = "generated" });
        }));
        return path;
    }

    /// <summary>Decisions as the admin CLI's export-labels writes them (the ../shared/data shape).</summary>
    private string ModeratorLabels()
    {
        var path = Path.Combine(_directory, "labels.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 40).Select(i => JsonSerializer.Serialize(new
        {
            text = i % 2 == 0 ? $"free crypto giveaway click here now {i}" : $"the second half of the article was clearer {i}",
            label = i % 2 == 0 ? 1 : 0,
            source = "moderation:blog1",
            split = "train",
            group = i % 2 == 0 ? "spam" : "approved",
        })));
        return path;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void The_gate_refuses_a_deliberately_worse_model_and_leaves_the_serving_file_untouched()
    {
        var corpus = GeneratedCorpus.Write(_directory);
        var serving = Train("serving", corpus);
        var worse = Train("worse", Poisoned(corpus));
        var before = Hash(serving);

        var (exit, output) = Run("promote", "--kind", "spam", "--candidate", worse, "--model", serving, "--data", corpus);

        Assert.Equal(PromoteCommand.Refused, exit);
        Assert.Contains("refused: the candidate is worse on generated", output);
        Assert.Equal(before, Hash(serving));
    }

    [Fact]
    public void A_model_retrained_with_moderator_labels_next_to_the_corpus_is_promoted_when_no_worse()
    {
        var corpus = GeneratedCorpus.Write(_directory);
        var serving = Train("serving", corpus);
        var retrained = Train("retrained", corpus, ModeratorLabels());

        var (exit, output) = Run("promote", "--kind", "spam", "--candidate", retrained, "--model", serving, "--data", corpus);

        Assert.True(exit == 0, output);
        Assert.Contains("promoted", output);
        Assert.Equal(Hash(retrained), Hash(serving));
    }
}
