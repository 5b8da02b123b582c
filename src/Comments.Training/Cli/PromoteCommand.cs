using System.Globalization;
using Comments.Scoring;
using Comments.Scoring.Model;
using Comments.Training.Data;

namespace Comments.Training.Cli;

/// <summary>
/// promote --kind spam|toxicity --candidate ZIP [--model models/KIND.zip] --data FILE... [--split test] [--tolerance 0.002]
///
/// The gate between a retrained model and the serving one: both are scored on every evaluation
/// set (each source of the given files, on the chosen split), and the candidate replaces the
/// serving file only if its ROC AUC is no worse, within the tolerance, on every one. The file is
/// replaced by an atomic rename next to it, so a running service hot-reloads a complete file.
/// Exit 0 promoted, 3 refused (the serving file is left untouched).
/// </summary>
public static class PromoteCommand
{
    public const int Refused = 3;

    public static int Run(Arguments args, TextWriter output)
    {
        var kind = args.Kind();
        var candidatePath = args.Required("candidate");
        var servingPath = args.Single("model") ?? Path.Combine("models", kind + ".zip");
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var split = args.Single("split") ?? "test";
        var tolerance = args.Number("tolerance", 0.002f);
        args.RejectUnknown();

        foreach (var path in new[] { candidatePath, servingPath })
            if (!File.Exists(path)) throw new UsageException($"model not found: {path}");
        var candidate = ModelFile.Load(candidatePath);
        var serving = ModelFile.Load(servingPath);
        var sets = LabelledFile.ReadAll(files).Where(r => r.Split == split).GroupBy(r => r.Source).ToList();
        if (sets.Count == 0) throw new UsageException($"no '{split}' rows in the evaluation files");

        var worse = new List<string>();
        output.WriteLine($"{"evaluation set",-36} {"rows",6} {"serving",8} {"candidate",9}");
        foreach (var set in sets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var rows = set.ToList();
            var threshold = RecommendedThresholds.For(kind);
            var before = EvaluateCommand.Evaluate(serving, rows, threshold).RocAuc;
            var after = EvaluateCommand.Evaluate(candidate, rows, threshold).RocAuc;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set.Key,-36} {rows.Count,6} {before,8:0.0000} {after,9:0.0000}"));
            if (after < before - tolerance) worse.Add(string.Create(CultureInfo.InvariantCulture, $"{set.Key} ({after:0.0000} < {before:0.0000})"));
        }

        if (worse.Count > 0)
        {
            output.WriteLine($"refused: the candidate is worse on {string.Join(", ", worse)}; {servingPath} is unchanged");
            return Refused;
        }
        var staged = servingPath + ".promoting";
        File.Copy(candidatePath, staged, overwrite: true);
        File.Move(staged, servingPath, overwrite: true);
        output.WriteLine($"promoted: {candidatePath} now serves as {servingPath}");
        return 0;
    }
}
