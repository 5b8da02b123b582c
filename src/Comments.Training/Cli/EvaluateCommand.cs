using Comments.Core.Sites;
using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Training.Data;
using Comments.Training.Evaluation;
using Comments.Training.Perturbation;
using Comments.Training.Semantic;

namespace Comments.Training.Cli;

/// <summary>
/// evaluate --kind spam|toxicity [--model zip] --data file... [--split s] [--source s] [--group g]
///          [--threshold t] [--perturb seed [--technique leet|separators|repeats|homoglyphs|zerowidth|fullwidth]]
///          [--all-negative] [--decisions [--models DIR] [--site NAME=VALUE ...] [--semantic]] [--per-label N [--cache DIR]] [--json]
/// --all-negative reads every row as a negative whatever its label says (e.g. a toxicity corpus as
/// ordinary comments for the spam model); the number to read is then the false-positive rate.
/// --decisions also runs every file's rows through the service's own rules at the default site
/// settings with both models of DIR (default: the folder of --model, else models/), as a new and
/// as a trusted author, and reports per file the shares of label-0 and label-1 rows published,
/// pending and spam (in JSON: a <c>decisions</c> object, one line per file). --site changes a
/// site setting from its default for the run (Profanity=Hold, HoldAtLinks=3,
/// Thresholds.ToxicityHold=0.5): how the thresholds are chosen. --semantic turns the semantic
/// stage on (heads from DIR). --per-label N keeps only the semantic sample of the rows (at most N
/// per source, split and label, as `embed` chose them), so the stage is compared with and
/// without on the same rows; --cache DIR serves their embeddings from `embed`'s cache;
/// --semantic-weight W overrides Scoring:SemanticWeight.
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
        var semantic = args.Flag("semantic");
        var semanticWeight = args.Single("semantic-weight") is not null ? args.Number("semantic-weight", 0) : (float?)null;
        var perLabel = args.Single("per-label") is { } n ? (int)args.Number("per-label", 0) : (int?)null;
        var cache = args.Single("cache") is { } cacheDirectory ? new EmbeddingCache(cacheDirectory) : null;
        args.RejectUnknown();
        if (semantic && !decisions) throw new UsageException("--semantic needs --decisions");

        var rows = Sample(LabelledFile.ReadAll(files).Where(filter.Keeps), perLabel).Select(r => allNegative ? r with { Label = false } : r).ToList();
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
        using var scorer = DecisionScorer.Open(modelsDirectory, semantic, semanticWeight);
        if (scorer.Semantic is { } stage && cache is not null)
            stage.Precomputed = text => cache.TryGet(text, out var vector) ? vector : null;
        foreach (var file in files)
        {
            var fileRows = Sample(LabelledFile.Read(file).Where(filter.Keeps), perLabel).Select(r => allNegative ? r with { Label = false } : r).ToList();
            if (fileRows.Count == 0) continue;
            var metrics = Evaluate(model, fileRows, threshold);
            var before = scorer.Semantic?.Scored ?? 0;
            var report = DecisionEvaluator.Evaluate(scorer, site, fileRows);
            if (scorer.Semantic is { } used)
                Console.Error.WriteLine($"{Path.GetFileName(file)}: the semantic stage scored {(used.Scored - before) / 2.0 / fileRows.Count:P1} of the comments (new and trusted author runs)");
            output.WriteLine(json ? MetricsReport.ToJson(metrics, Path.GetFileName(file), report) : MetricsReport.ToText(metrics, Path.GetFileName(file), report));
        }
        return 0;
    }

    private static IEnumerable<LabelledRow> Sample(IEnumerable<LabelledRow> rows, int? perLabel)
    {
        if (perLabel is not { } n) return rows;
        var list = rows.ToList();
        var sample = new SemanticSample(list, n);
        return list.Where(sample.Keeps);
    }

    public static BinaryMetrics Evaluate(LinearTextModel model, IReadOnlyList<LabelledRow> rows, double threshold, int? perturbSeed = null, Perturber.Technique? technique = null)
    {
        var perturber = perturbSeed is { } seed ? new Perturber(seed) : null;
        var texts = rows.Select((r, i) => perturber?.Perturb(r.Text, i, technique) ?? r.Text);
        return BinaryMetrics.Compute(RowScorer.Score(model, texts), rows.Select(r => r.Label).ToArray(), threshold);
    }
}
