using System.Globalization;
using System.Text.Json;
using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Training.Data;
using Comments.Training.Training;
using Microsoft.ML;

namespace Comments.Training.Cli;

/// <summary>
/// train --kind spam|toxicity --data file... [--negatives file...] [--weight source=w ...] [--train-split train,val]
///       [--exclude-group g ...] [--balance-classes] [--holdout] [--l2 x] [--l1 x]
///       [--nb-alpha x] [--nb-beta x] [--out models/]
/// --negatives adds the training rows of other files as negatives whatever their label says: for
/// the spam model, comments from the toxicity corpora are ordinary (not spam) comments, toxic or not.
/// They are trained on, never reported on.
/// Writes OUT/KIND.zip and OUT/KIND.metrics.json (metrics on every `test` split, per source,
/// clean and perturbed; with --holdout, on the held-out fifth of the training rows instead).
/// </summary>
public static class TrainCommand
{
    public const int PerturbSeed = 7;

    public static int Run(Arguments args, TextWriter output, TextWriter log)
    {
        var kind = args.Kind();
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var settings = Settings(args, kind);
        var negativeFiles = args.Many("negatives");
        var outDirectory = args.Single("out") ?? "models";
        args.RejectUnknown();

        var rows = LabelledFile.ReadAll(files);
        var negatives = LabelledFile.ReadAll(negativeFiles).Where(r => ModelTrainer.IsTrainingRow(r, settings)).Select(r => r with { Label = false });
        var trainingRows = rows.Concat(negatives).ToList();
        var started = DateTime.UtcNow;
        var transformer = ModelTrainer.Train(trainingRows, settings, out var schema);
        Directory.CreateDirectory(outDirectory);
        var modelPath = Path.Combine(outDirectory, kind + ".zip");
        new MLContext(settings.Seed).Model.Save(transformer, schema, modelPath);
        log.WriteLine($"trained {kind} on {trainingRows.Count(r => ModelTrainer.IsTrainingRow(r, settings))} rows in {(DateTime.UtcNow - started).TotalSeconds:0.0} s → {modelPath}");

        var report = TrainingReport.Build(ModelFile.Load(modelPath), rows, trainingRows, settings, [.. files, .. negativeFiles.Select(f => f + " (as negatives)")], PerturbSeed);
        var metricsPath = Path.Combine(outDirectory, kind + ".metrics.json");
        File.WriteAllText(metricsPath, JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions(MetricsReport.Json) { WriteIndented = true }) + Environment.NewLine);
        foreach (var (source, m) in report.TestMetrics)
            output.WriteLine($"{source,-28} rows {m.Clean.Rows,6}  ROC AUC {m.Clean.RocAuc:0.0000}  perturbed {m.Perturbed.RocAuc:0.0000}  best F1 {m.Clean.BestF1:0.0000}");
        output.WriteLine($"metrics → {metricsPath}");
        return 0;
    }

    /// <summary>The training settings every train command shares (also `train-semantic`).</summary>
    public static TrainingSettings Settings(Arguments args, string kind)
    {
        var defaults = new TrainingSettings(kind, [], [], new Dictionary<string, float>());
        return defaults with
        {
            TrainSplits = args.Many("train-split") is { Count: > 0 } splits ? splits : ["train"],
            ExcludeGroups = args.Many("exclude-group"),
            SourceWeights = ParseWeights(args.Many("weight")),
            BalanceClasses = args.Flag("balance-classes"),
            Holdout = args.Flag("holdout"),
            L2 = args.Number("l2", defaults.L2),
            L1 = args.Number("l1", defaults.L1),
            NbAlpha = args.Number("nb-alpha", defaults.NbAlpha),
            NbBeta = args.Number("nb-beta", defaults.NbBeta),
        };
    }

    private static Dictionary<string, float> ParseWeights(IReadOnlyList<string> pairs) => pairs.ToDictionary(
        pair => pair.Split('=')[0],
        pair => pair.Split('=') is [_, var w] && float.TryParse(w, CultureInfo.InvariantCulture, out var weight) && weight >= 0
            ? weight
            : throw new UsageException($"--weight takes source=weight, not '{pair}'"));
}
