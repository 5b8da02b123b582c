using BenchmarkDotNet.Attributes;
using Comments.Scoring.Features;
using Comments.Scoring.Model;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace Comments.Bench.Scoring;

/// <summary>
/// Cost of scoring one comment. Each model alone (featurize + w·x), the service's full call
/// (both models and their top terms), and two baselines measured in the same run: a bare
/// PredictionEngine over the same model file, and ML.NET's textbook FeaturizeText + SDCA model.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly FeatureBuffer _buffer = new();
    private LinearTextModel _spam = null!, _toxicity = null!;
    private CommentScorer _scorer = null!;
    private PredictionEngine<FeatureVector, ModelOutput> _sameModelEngine = null!;
    private PredictionEngine<TextbookBaseline.Input, TextbookBaseline.Output> _textbookEngine = null!;
    private string _text = "";

    [Params("short", "long")]
    public string Length { get; set; } = "short";

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleComments.Of(Length);
        _spam = ModelFile.Load(Path.Combine(BenchPaths.Models, "spam.zip"));
        _toxicity = ModelFile.Load(Path.Combine(BenchPaths.Models, "toxicity.zip"));
        _scorer = new CommentScorer(Options.Create(new ScoringOptions { WatchModelFiles = false }), NullLogger<CommentScorer>.Instance, new ModelDirectory(BenchPaths.Models));
        var context = new MLContext(seed: 0);
        _sameModelEngine = context.Model.CreatePredictionEngine<FeatureVector, ModelOutput>(ModelFile.LoadTransformer(Path.Combine(BenchPaths.Models, "toxicity.zip"), out _));
        _textbookEngine = TextbookBaseline.CreateEngine();
    }

    [Benchmark(Description = "featurize only (shared by both models)")]
    public int Featurize()
    {
        TextFeaturizer.Featurize(_text, _buffer);
        return _buffer.Count;
    }

    [Benchmark(Description = "spam model (featurize + w·x)")]
    public double Spam()
    {
        TextFeaturizer.Featurize(_text, _buffer);
        return _spam.Probability(_buffer);
    }

    [Benchmark(Description = "toxicity model (featurize + w·x)")]
    public double Toxicity()
    {
        TextFeaturizer.Featurize(_text, _buffer);
        return _toxicity.Probability(_buffer);
    }

    [Benchmark(Description = "CommentScorer.Score (both models + top terms)")]
    public object Both() => _scorer.Score(_text);

    [Benchmark(Description = "baseline: same toxicity model via PredictionEngine")]
    public float SameModelPredictionEngine()
    {
        TextFeaturizer.Featurize(_text, _buffer);
        return _sameModelEngine.Predict(new FeatureVector { Features = FeatureVector.From(_buffer) }).Probability;
    }

    [Benchmark(Baseline = true, Description = "baseline: textbook FeaturizeText+SDCA toxicity")]
    public float Textbook() => _textbookEngine.Predict(new TextbookBaseline.Input { Text = _text }).Probability;
}
