using Comments.Core.Sites;
using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Training.Data;
using Comments.Training.Evaluation;
using Comments.Training.Perturbation;

namespace Comments.Training.Cli;

/// <summary>
/// evaluate --kind spam|toxicity [--model zip] --data file... [--split s] [--source s] [--group g]
///          [--threshold t] [--perturb seed [--technique leet|separators|repeats|homoglyphs|zerowidth|fullwidth]]
///          [--all-negative] [--decisions [--models DIR] [--site NAME=VALUE ...]] [--json]
/// --all-negative reads every row as a negative whatever its label says (e.g. a toxicity corpus as
/// ordinary comments for the spam model); the number to read is then the false-positive rate.
/// --decisions also runs every file's rows through the service's own rules at the default site
/// settings with both models of DIR (default: the folder of --model, else models/), as a new and
/// as a trusted author, and reports per file the shares of label-0 and label-1 rows published,
/// pending and spam (in JSON: a <c>decisions</c> object, one line per file). --site changes a
/// site setting from its default for the run (Profanity=Hold, HoldAtLinks=3,
/// Thresholds.ToxicityHold=0.5): how the thresholds are chosen.
/// </summary>
public static class EvaluateCommand
{
    public static int Run(Arguments args, TextWriter output)
    {
        var kind = args.Kind();
        var modelPath = args.Single("model") ?? Path.Combine("models", kind + ".zip");
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var filter = RowFilter.From(args);
        var threshold = args.Number("threshold", (float)RecommendedThresholds.For(kind));
        var perturbSeed = args.Single("perturb") is { } seed ? int.TryParse(seed, out var s) ? s : throw new UsageException("--perturb takes an integer seed") : (int?)null;
        var technique = args.Single("technique") is { } name
            ? Enum.TryParse<Perturber.Technique>(name, ignoreCase: true, out var t) ? t : throw new UsageException($"--technique must be one of {string.Join(", ", Enum.GetNames<Perturber.Technique>())}")
            : (Perturber.Technique?)null;
        if (technique is not null && perturbSeed is null) throw new UsageException("--technique needs --perturb SEED");
        var json = args.Flag("json");
        var allNegative = args.Flag("all-negative");
        var decisions = args.Flag("decisions");
        var modelsDirectory = args.Single("models") ?? Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        var site = SiteSettings.Apply(new SiteOptions { Id = "evaluation" }, args.Many("site"));
        args.RejectUnknown();

        var rows = LabelledFile.ReadAll(files).Where(filter.Keeps).Select(r => allNegative ? r with { Label = false } : r).ToList();
        if (rows.Count == 0) throw new UsageException("no rows left after --split/--source/--group");
        if (!File.Exists(modelPath)) throw new UsageException($"model not found: {modelPath}");
        var model = ModelFile.Load(modelPath);
        if (!decisions)
        {
            var metrics = Evaluate(model, rows, threshold, perturbSeed, technique);
            output.WriteLine(json ? MetricsReport.ToJson(metrics) : MetricsReport.ToText(metrics));
            return 0;
        }

        if (perturbSeed is not null) throw new UsageException("--decisions does not take --perturb");
        using var scorer = DecisionScorer.Open(modelsDirectory);
        foreach (var file in files)
        {
            var fileRows = LabelledFile.Read(file).Where(filter.Keeps).Select(r => allNegative ? r with { Label = false } : r).ToList();
            if (fileRows.Count == 0) continue;
            var metrics = Evaluate(model, fileRows, threshold);
            var report = DecisionEvaluator.Evaluate(scorer, site, fileRows);
            output.WriteLine(json ? MetricsReport.ToJson(metrics, Path.GetFileName(file), report) : MetricsReport.ToText(metrics, Path.GetFileName(file), report));
        }
        return 0;
    }

    public static BinaryMetrics Evaluate(LinearTextModel model, IReadOnlyList<LabelledRow> rows, double threshold, int? perturbSeed = null, Perturber.Technique? technique = null)
    {
        var perturber = perturbSeed is { } seed ? new Perturber(seed) : null;
        var texts = rows.Select((r, i) => perturber?.Perturb(r.Text, i, technique) ?? r.Text);
        return BinaryMetrics.Compute(RowScorer.Score(model, texts), rows.Select(r => r.Label).ToArray(), threshold);
    }
}
