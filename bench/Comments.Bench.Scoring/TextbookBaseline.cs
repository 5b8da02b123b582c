using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Comments.Bench.Scoring;

/// <summary>
/// ML.NET's textbook text classifier (FeaturizeText + SdcaLogisticRegression, defaults),
/// trained once on the same toxicity training rows and cached, as the baseline to beat.
/// </summary>
internal static class TextbookBaseline
{
    public sealed class Input
    {
        public string Text { get; set; } = "";
        public bool Label { get; set; }
    }

    public sealed class Output
    {
        public float Probability { get; set; }
    }

    public static void EnsureTrained()
    {
        if (File.Exists(BenchPaths.TextbookModel)) return;
        var context = new MLContext(seed: 1);
        var rows = new[] { "jigsaw-toxic-2018-subset.jsonl", "davidson-hate-offensive.jsonl", "civil-comments-toxic-spans.jsonl", "olid-offenseval-2019.jsonl" }
            .SelectMany(f => File.ReadLines(BenchPaths.Toxicity(f)))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.GetProperty("split").GetString() != "test")
            .Select(r => new Input { Text = r.GetProperty("text").GetString()!, Label = r.GetProperty("label").GetInt32() == 1 })
            .ToList();
        var data = context.Data.LoadFromEnumerable(rows);
        var pipeline = context.Transforms.Text.FeaturizeText("Features", nameof(Input.Text))
            .Append(context.BinaryClassification.Trainers.SdcaLogisticRegression());
        var model = pipeline.Fit(data);
        Directory.CreateDirectory(Path.GetDirectoryName(BenchPaths.TextbookModel)!);
        context.Model.Save(model, data.Schema, BenchPaths.TextbookModel);
        Console.WriteLine($"textbook baseline trained on {rows.Count} rows → {BenchPaths.TextbookModel} ({new FileInfo(BenchPaths.TextbookModel).Length / 1e6:0.0} MB)");
    }

    public static PredictionEngine<Input, Output> CreateEngine()
    {
        var context = new MLContext(seed: 1);
        return context.Model.CreatePredictionEngine<Input, Output>(context.Model.Load(BenchPaths.TextbookModel, out _));
    }
}
