using Comments.Scoring.Model;
using Comments.Training.Cli;
using Comments.Training.Data;

namespace Comments.Scoring.Tests.Model;

/// <summary>
/// The shipped models on the `test` rows of the shared corpora: ROC AUC must stay a little
/// under the numbers in models/README.md, clean and perturbed, so a worse model fails CI.
/// </summary>
public class ShippedModelTests
{
    [Theory]
    [InlineData("spam", "spam/youtube-spam-collection.jsonl", 0.980)]
    [InlineData("spam", "spam/sms-spam-collection.jsonl", 0.994)]
    [InlineData("toxicity", "toxicity/jigsaw-toxic-2018-subset.jsonl", 0.960)]
    [InlineData("toxicity", "toxicity/davidson-hate-offensive.jsonl", 0.982)]
    [InlineData("toxicity", "toxicity/civil-comments-toxic-spans.jsonl", 0.640)]
    [InlineData("toxicity", "toxicity/olid-offenseval-2019.jsonl", 0.835)]
    public void The_shipped_model_keeps_its_roc_auc_on_the_test_split(string kind, string corpus, double floor)
    {
        var rows = LabelledFile.Read(RepoPaths.CorpusOrSkip(corpus)).Where(r => r.Split == "test").ToList();
        var model = ModelFile.Load(Path.Combine(RepoPaths.Models, kind + ".zip"));

        var clean = EvaluateCommand.Evaluate(model, rows, RecommendedThresholds.For(kind));
        var perturbed = EvaluateCommand.Evaluate(model, rows, RecommendedThresholds.For(kind), TrainCommand.PerturbSeed);

        Assert.True(clean.RocAuc >= floor, $"{corpus}: ROC AUC {clean.RocAuc:0.0000} < {floor}");
        Assert.True(perturbed.RocAuc >= clean.RocAuc - 0.02, $"{corpus}: perturbed ROC AUC {perturbed.RocAuc:0.0000} loses more than 0.02 from {clean.RocAuc:0.0000}");
    }

    [Theory]
    [InlineData("spam")]
    [InlineData("toxicity")]
    public void The_shipped_model_file_is_at_most_ten_megabytes(string kind) =>
        Assert.InRange(new FileInfo(Path.Combine(RepoPaths.Models, kind + ".zip")).Length, 1, 10_000_000);
}
