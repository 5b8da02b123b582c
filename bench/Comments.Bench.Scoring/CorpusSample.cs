using System.Text.Json;
using Comments.Core.Text;

namespace Comments.Bench.Scoring;

/// <summary>
/// Real comments for an average cost: the first 300 `test` rows of each of the six shared
/// corpora (tweets, SMS, YouTube, Wikipedia talk, news comments), normalised as the service does.
/// </summary>
internal static class CorpusSample
{
    public const int RowsPerCorpus = 300;

    private static readonly string[] Files =
    [
        "spam/youtube-spam-collection.jsonl", "spam/sms-spam-collection.jsonl",
        "toxicity/jigsaw-toxic-2018-subset.jsonl", "toxicity/davidson-hate-offensive.jsonl",
        "toxicity/civil-comments-toxic-spans.jsonl", "toxicity/olid-offenseval-2019.jsonl",
    ];

    public static string[] Load() => Files
        .SelectMany(f => File.ReadLines(BenchPaths.SharedData(f))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.GetProperty("split").GetString() == "test")
            .Take(RowsPerCorpus)
            .Select(r => TextNormalizer.Normalize(r.GetProperty("text").GetString()!)))
        .ToArray();
}
