using System.Text.Json;
using Comments.Core.Text;
using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Scoring.Semantic;
using Comments.Training.Data;
using Comments.Training.Evaluation;
using Comments.Training.Semantic;
using Comments.Training.Training;
using Microsoft.ML;

namespace Comments.Training.Cli;

/// <summary>
/// train-semantic --kind spam|toxicity --data FILE... --cache DIR [--per-label N] [--model ZIP] [the train options]
/// Trains the semantic stage's head (<see cref="SemanticTrainer"/>) on the embedded sample of the
/// training rows and writes OUT/KIND.semantic.zip and OUT/KIND.semantic.metrics.json: per `test`
/// source (its embedded sample), ROC AUC of the n-gram model (--model, default models/KIND.zip),
/// of the head alone and of the two combined (<see cref="SemanticHead.Combine"/>), on the same rows.
/// </summary>
public static class TrainSemanticCommand
{
    public static int Run(Arguments args, TextWriter output, TextWriter log)
    {
        var kind = args.Kind();
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var settings = TrainCommand.Settings(args, kind);
        var negativeFiles = args.Many("negatives");
        var outDirectory = args.Single("out") ?? "models";
        var cache = new EmbeddingCache(args.Required("cache"));
        var perLabel = (int)args.Number("per-label", EmbedCommand.DefaultPerLabel);
        var fastPath = args.Single("model") ?? Path.Combine("models", kind + ".zip");
        args.RejectUnknown();

        var rows = LabelledFile.ReadAll(files);
        var negatives = LabelledFile.ReadAll(negativeFiles).Where(r => ModelTrainer.IsTrainingRow(r, settings)).Select(r => r with { Label = false });
        var trainingRows = rows.Concat(negatives).ToList();
        var sample = new SemanticSample(trainingRows, perLabel);
        var transformer = SemanticTrainer.Train(trainingRows, sample, cache, settings, out var schema, out var trained, out var missing);
        Directory.CreateDirectory(outDirectory);
        var path = Path.Combine(outDirectory, kind + ".semantic.zip");
        new MLContext(settings.Seed).Model.Save(transformer, schema, path);
        log.WriteLine($"trained {kind} head on {trained} embedded rows ({missing} of the sample not in the cache) → {path}");

        var head = SemanticHead.Load(path);
        var fast = ModelFile.Load(fastPath);
        var threshold = RecommendedThresholds.For(kind);
        var testSample = new SemanticSample(rows.Where(r => r.Split == "test"), perLabel);
        var report = new Dictionary<string, object>();
        foreach (var group in rows.Where(r => r.Split == "test" && testSample.Keeps(r)).GroupBy(r => r.Source).OrderBy(g => g.Key))
        {
            var embedded = group.Where(r => cache.TryGet(TextNormalizer.Normalize(r.Text), out _)).ToList();
            if (embedded.Count == 0) continue;
            var labels = embedded.Select(r => r.Label).ToArray();
            var fastScores = RowScorer.Score(fast, embedded.Select(r => r.Text));
            var semantic = embedded.Select(r => { cache.TryGet(TextNormalizer.Normalize(r.Text), out var v); return head.Probability(v); }).ToArray();
            var combined = fastScores.Zip(semantic, (f, h) => SemanticHead.Combine(f, h)).ToArray();
            var quarter = BinaryMetrics.Compute(fastScores.Zip(semantic, (f, h) => SemanticHead.Combine(f, h, 0.25)).ToArray(), labels, threshold);
            var m = (Fast: BinaryMetrics.Compute(fastScores, labels, threshold), Semantic: BinaryMetrics.Compute(semantic, labels, threshold),
                Combined: BinaryMetrics.Compute(combined, labels, threshold));
            report[group.Key] = new { rows = embedded.Count, positives = labels.Count(l => l), fast = MetricsReport.Rounded(m.Fast), semantic = MetricsReport.Rounded(m.Semantic), combined = MetricsReport.Rounded(m.Combined), combinedQuarter = MetricsReport.Rounded(quarter) };
            output.WriteLine($"{group.Key,-28} rows {embedded.Count,5}  ROC AUC fast {m.Fast.RocAuc:0.0000}  semantic {m.Semantic.RocAuc:0.0000}  combined {m.Combined.RocAuc:0.0000}  (head weight 0.25: {quarter.RocAuc:0.0000})");
        }
        var metricsPath = Path.Combine(outDirectory, kind + ".semantic.metrics.json");
        File.WriteAllText(metricsPath, JsonSerializer.Serialize(new
        {
            kind, modelVersion = head.Version, fastModel = fast.Version, data = files.Select(Path.GetFileName).ToList(),
            negatives = negativeFiles.Select(Path.GetFileName).ToList(), settings, perLabel, trainingRows = trained,
            testSample = report,
        }, new JsonSerializerOptions(MetricsReport.Json) { WriteIndented = true }) + Environment.NewLine);
        output.WriteLine($"metrics → {metricsPath}");
        return 0;
    }
}
