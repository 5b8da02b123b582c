using System.Diagnostics;
using Comments.Core.Text;
using Comments.Scoring.Semantic;
using Comments.Training.Data;
using Comments.Training.Semantic;

namespace Comments.Training.Cli;

/// <summary>
/// embed --data FILE... --cache DIR [--split train,val,test] [--per-label N] [--exclude-group G ...]
/// Embeds the semantic sample of the files' rows (at most N per source, split and label, default
/// 1200; <see cref="SemanticSample"/>) with the service's <see cref="SentenceEmbedder"/> into
/// the cache, skipping rows already there. Slow (tens of ms a row on this machine): run it with
/// `nice` in the background; it can be stopped and resumed.
/// </summary>
public static class EmbedCommand
{
    public const int DefaultPerLabel = 1200;

    public static int Run(Arguments args, TextWriter log)
    {
        var files = args.Many("data");
        if (files.Count == 0) throw new UsageException("--data needs at least one file");
        var cache = new EmbeddingCache(args.Required("cache"));
        var splits = args.Many("split") is { Count: > 0 } s ? s : ["train", "val", "test"];
        var perLabel = (int)args.Number("per-label", DefaultPerLabel);
        var excluded = args.Many("exclude-group");
        args.RejectUnknown();

        var rows = LabelledFile.ReadAll(files)
            .Where(r => splits.Contains(r.Split, StringComparer.OrdinalIgnoreCase) && !excluded.Contains(r.Group, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var sample = new SemanticSample(rows, perLabel);
        var todo = rows.Where(sample.Keeps).Select(r => TextNormalizer.Normalize(r.Text)).Where(t => !cache.TryGet(t, out _)).Distinct().ToList();
        log.WriteLine($"{rows.Count(sample.Keeps)} rows in the sample, {todo.Count} to embed (cache has {cache.Count})");
        using var embedder = new SentenceEmbedder();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < todo.Count; i++)
        {
            cache.Add(todo[i], embedder.Embed(todo[i]));
            if ((i + 1) % 500 == 0) log.WriteLine($"{i + 1}/{todo.Count} in {clock.Elapsed.TotalSeconds:0} s");
        }
        log.WriteLine($"embedded {todo.Count} in {clock.Elapsed.TotalSeconds:0} s; cache has {cache.Count}");
        return 0;
    }
}
