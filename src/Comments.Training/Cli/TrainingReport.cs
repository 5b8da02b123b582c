using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Training.Data;
using Comments.Training.Evaluation;
using Comments.Training.Training;

namespace Comments.Training.Cli;

/// <summary>What `train` writes next to the model: how it was trained and how it scores on each test split.</summary>
public sealed record TrainingReport(
    string Kind, string ModelVersion, IReadOnlyList<string> Data, TrainingSettings Settings, int TrainingRows,
    int NonZeroWeights, IReadOnlyDictionary<string, TrainingReport.SourceMetrics> TestMetrics)
{
    public sealed record SourceMetrics(BinaryMetrics Clean, BinaryMetrics Perturbed);

    /// <param name="rows">The labelled rows, reported on per source.</param>
    /// <param name="trainingRows">Every row training saw (the labelled ones plus any extra negatives).</param>
    public static TrainingReport Build(LinearTextModel model, IReadOnlyList<LabelledRow> rows, IReadOnlyList<LabelledRow> trainingRows, TrainingSettings settings, IReadOnlyList<string> files, int perturbSeed)
    {
        var threshold = RecommendedThresholds.For(settings.Kind);
        var perSource = rows.Where(r => settings.Holdout ? IsHeldOut(r, settings) : r.Split == "test").GroupBy(r => r.Source).OrderBy(g => g.Key).ToDictionary(
            g => g.Key,
            g => new SourceMetrics(
                MetricsReport.Rounded(EvaluateCommand.Evaluate(model, g.ToList(), threshold)),
                MetricsReport.Rounded(EvaluateCommand.Evaluate(model, g.ToList(), threshold, perturbSeed))));
        return new TrainingReport(settings.Kind, model.Version, files.Select(Path.GetFileName).ToList()!, settings,
            trainingRows.Count(r => ModelTrainer.IsTrainingRow(r, settings)), model.NonZeroWeights, perSource);
    }

    private static bool IsHeldOut(LabelledRow row, TrainingSettings settings) =>
        ModelTrainer.IsHoldout(row) && ModelTrainer.IsTrainingRow(row, settings with { Holdout = false });
}
