using System.Text.Json;
using Comments.Training.Cli;

namespace Comments.Training.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args) => TrainingCli.Run(args);

    [Fact]
    public void Train_on_a_small_file_writes_a_model_that_evaluate_scores_as_one_json_object()
    {
        var data = GeneratedCorpus.Write(_directory);
        var train = Run("train", "--kind", "spam", "--data", data, "--out", _directory);
        Assert.True(train.Exit == 0, train.Err);
        Assert.True(File.Exists(Path.Combine(_directory, "spam.zip")));
        Assert.True(File.Exists(Path.Combine(_directory, "spam.metrics.json")));

        var evaluate = Run("evaluate", "--kind", "spam", "--model", Path.Combine(_directory, "spam.zip"), "--data", data, "--split", "test", "--json");
        Assert.True(evaluate.Exit == 0, evaluate.Err);
        using var json = JsonDocument.Parse(evaluate.Out);
        var root = json.RootElement;
        Assert.Equal(24, root.GetProperty("rows").GetInt32());
        Assert.True(root.GetProperty("rocAuc").GetDouble() > 0.95, evaluate.Out);
        foreach (var name in new[] { "prAuc", "f1", "precision", "recall", "bestF1", "precisionAt90Recall" })
            Assert.InRange(root.GetProperty(name).GetDouble(), 0, 1);
    }

    [Fact]
    public void Evaluate_decisions_reports_where_each_label_ends_up_for_a_new_and_a_trusted_author()
    {
        var data = Path.Combine(_directory, "decisions.jsonl");
        File.WriteAllLines(data,
        [
            """{"text": "I see your point, but the second argument ignores how the budget was spent.", "label": 0, "split": "test"}""",
            """{"text": "Thanks for the write-up, the photos of the old station are lovely.", "label": 0, "split": "test"}""",
            """{"text": "You are a pathetic idiot and everyone here hates you, shut up moron", "label": 1, "split": "test"}""",
            """{"text": "Check out my channel!! Subscribe for free gift cards http://bit.ly/free-cards", "label": 1, "split": "test"}""",
        ]);
        var models = RepoPaths.Models;
        var run = Run("evaluate", "--kind", "toxicity", "--model", Path.Combine(models, "toxicity.zip"), "--data", data, "--split", "test", "--decisions", "--json");
        Assert.True(run.Exit == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var decisions = json.RootElement.GetProperty("decisions");
        Assert.Equal("decisions.jsonl", json.RootElement.GetProperty("file").GetString());
        foreach (var author in new[] { "newAuthor", "trustedAuthor" })
        {
            foreach (var label in new[] { "negative", "positive" })
            {
                var shares = decisions.GetProperty(author).GetProperty(label);
                Assert.Equal(["published", "pending", "spam"], shares.EnumerateObject().Select(p => p.Name));
                Assert.Equal(1.0, shares.EnumerateObject().Sum(p => p.Value.GetDouble()), 3);
            }
        }
        var newAuthor = decisions.GetProperty("newAuthor");
        Assert.Equal(1.0, newAuthor.GetProperty("negative").GetProperty("published").GetDouble());
        Assert.Equal(0.5, newAuthor.GetProperty("positive").GetProperty("pending").GetDouble());
        Assert.Equal(0.5, newAuthor.GetProperty("positive").GetProperty("spam").GetDouble());
    }

    [Fact]
    public void Evaluate_decisions_says_which_reason_codes_hold_each_label()
    {
        var data = Path.Combine(_directory, "held-by.jsonl");
        File.WriteAllLines(data,
        [
            """{"text": "Thanks for the write-up, the photos of the old station are lovely.", "label": 0, "split": "test"}""",
            """{"text": "You are a pathetic idiot and everyone here hates you, shut up moron", "label": 1, "split": "test"}""",
            """{"text": "Check out my channel!! Subscribe for free gift cards http://bit.ly/free-cards", "label": 1, "split": "test"}""",
        ]);
        var run = Run("evaluate", "--kind", "toxicity", "--model", Path.Combine(RepoPaths.Models, "toxicity.zip"), "--data", data, "--split", "test", "--decisions", "--json");
        Assert.True(run.Exit == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var heldBy = json.RootElement.GetProperty("heldBy").GetProperty("newAuthor");

        Assert.Empty(heldBy.GetProperty("negative").EnumerateObject());
        var positive = heldBy.GetProperty("positive");
        Assert.Equal(0.5, positive.GetProperty("model.toxic").GetDouble());
        Assert.Equal(0.5, positive.GetProperty("model.spam").GetDouble());
    }

    [Fact]
    public void Training_twice_with_the_same_data_gives_the_same_model()
    {
        var data = GeneratedCorpus.Write(_directory);
        var first = Path.Combine(_directory, "a");
        var second = Path.Combine(_directory, "b");
        Assert.Equal(0, Run("train", "--kind", "spam", "--data", data, "--out", first).Exit);
        Assert.Equal(0, Run("train", "--kind", "spam", "--data", data, "--out", second).Exit);
        var a = Comments.Scoring.Model.ModelFile.Load(Path.Combine(first, "spam.zip"));
        var b = Comments.Scoring.Model.ModelFile.Load(Path.Combine(second, "spam.zip"));
        var buffer = new Comments.Scoring.Features.FeatureBuffer();
        foreach (var text in new[] { "win a free prize now", "thanks for the article", "cheap pills" })
        {
            Comments.Scoring.Features.TextFeaturizer.Featurize(text, buffer);
            Assert.Equal(a.RawScore(buffer), b.RawScore(buffer));
        }
    }

    [Fact]
    public void Evaluate_reads_a_csv_file_with_a_text_label_header()
    {
        var data = GeneratedCorpus.Write(_directory);
        Assert.Equal(0, Run("train", "--kind", "spam", "--data", data, "--out", _directory).Exit);
        var csv = Path.Combine(_directory, "mine.csv");
        File.WriteAllText(csv, "label,text\n1,\"win a free prize, click http://cheap.example\"\n0,\"I disagree with the author,\nrespectfully\"\n1,free money check out my site\n0,thanks for the thoughtful article\n");

        var evaluate = Run("evaluate", "--kind", "spam", "--model", Path.Combine(_directory, "spam.zip"), "--data", csv, "--json");
        Assert.True(evaluate.Exit == 0, evaluate.Err);
        using var json = JsonDocument.Parse(evaluate.Out);
        Assert.Equal(4, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("rocAuc").GetDouble());
    }

    [Theory]
    [InlineData("rows.jsonl", "{\"text\": \"fine\", \"label\": 0}\n{\"text\": \"ok\", \"label\": 1}\n{\"text\": \"broken\", \"label\": \"maybe\"}\n", "rows.jsonl, line 3: label must be 0, 1, true or false")]
    [InlineData("rows.jsonl", "{\"text\": \"fine\", \"label\": 0}\nnot json at all\n", "rows.jsonl, line 2: not a JSON object")]
    [InlineData("rows.jsonl", "{\"label\": 0}\n", "rows.jsonl, line 1: missing string field \"text\"")]
    [InlineData("rows.csv", "comment,label\nhello,0\n", "rows.csv, line 1: the header must name the columns text and label")]
    [InlineData("rows.csv", "text,label\nhello,0\n\"never closed,1\n", "rows.csv, line 3: a quoted field is never closed")]
    public void Evaluate_rejects_a_malformed_file_with_its_line_and_a_non_zero_exit(string name, string content, string message)
    {
        var data = GeneratedCorpus.Write(_directory);
        Assert.Equal(0, Run("train", "--kind", "spam", "--data", data, "--out", _directory).Exit);
        var bad = Path.Combine(_directory, name);
        File.WriteAllText(bad, content);

        var evaluate = Run("evaluate", "--kind", "spam", "--model", Path.Combine(_directory, "spam.zip"), "--data", bad, "--json");
        Assert.Equal(1, evaluate.Exit);
        Assert.Equal("", evaluate.Out);
        Assert.Contains(message, evaluate.Err);
    }

    [Fact]
    public void Negatives_from_another_file_teach_the_model_that_their_kind_of_text_is_not_spam()
    {
        var data = GeneratedCorpus.Write(_directory);
        // Toxicity-style rows: label 1 means toxic there, but none of them is spam.
        var other = Path.Combine(_directory, "other.jsonl");
        File.WriteAllLines(other, Enumerable.Range(0, 40).Select(i =>
            JsonSerializer.Serialize(new { text = $"check out the free prize section of the council minutes #{i}", label = 1, split = "train", source = "other" })));
        var plain = Path.Combine(_directory, "plain");
        var withNegatives = Path.Combine(_directory, "negatives");
        Assert.Equal(0, Run("train", "--kind", "spam", "--data", data, "--out", plain).Exit);
        var train = Run("train", "--kind", "spam", "--data", data, "--negatives", other, "--out", withNegatives);
        Assert.True(train.Exit == 0, train.Err);

        var text = "check out the free prize section of the council minutes";
        var buffer = new Comments.Scoring.Features.FeatureBuffer();
        Comments.Scoring.Features.TextFeaturizer.Featurize(text, buffer);
        var before = Comments.Scoring.Model.ModelFile.Load(Path.Combine(plain, "spam.zip")).Probability(buffer);
        var after = Comments.Scoring.Model.ModelFile.Load(Path.Combine(withNegatives, "spam.zip")).Probability(buffer);
        Assert.True(after < before / 2, $"spam {before:0.000} without the negatives, {after:0.000} with them");

        // --all-negative: the share of a file's rows the model flags, whatever their labels say.
        var flagged = Run("evaluate", "--kind", "spam", "--model", Path.Combine(plain, "spam.zip"), "--data", data, "--split", "test", "--all-negative", "--json");
        Assert.True(flagged.Exit == 0, flagged.Err);
        Assert.InRange(JsonDocument.Parse(flagged.Out).RootElement.GetProperty("falsePositiveRate").GetDouble(), 0.3, 0.7);

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(withNegatives, "spam.metrics.json")));
        Assert.DoesNotContain("other", metrics.RootElement.GetProperty("testMetrics").EnumerateObject().Select(p => p.Name));
        Assert.Contains(metrics.RootElement.GetProperty("data").EnumerateArray(), d => d.GetString() == "other.jsonl (as negatives)");
    }

    [Fact]
    public void An_unknown_option_is_refused_with_the_usage()
    {
        var run = Run("evaluate", "--kind", "spam", "--data", "x.jsonl", "--tresh", "0.5");
        Assert.Equal(2, run.Exit);
        Assert.Contains("unknown option(s): --tresh", run.Err);
        Assert.Contains("usage:", run.Err);
    }
}
