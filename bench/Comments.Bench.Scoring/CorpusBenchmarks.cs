using BenchmarkDotNet.Attributes;
using Comments.Scoring.Serving;
using Comments.Scoring.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace Comments.Bench.Scoring;

/// <summary>Average cost per real comment (1,800 from the six corpora): the service's call against the textbook model.</summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private const int Comments = CorpusSample.RowsPerCorpus * 6;
    private string[] _texts = [];
    private CommentScorer _scorer = null!;
    private SpamSignals _signals = null!;
    private PredictionEngine<TextbookBaseline.Input, TextbookBaseline.Output> _textbook = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = CorpusSample.Load();
        if (_texts.Length != Comments) throw new InvalidOperationException($"expected {Comments} comments, found {_texts.Length}");
        _scorer = new CommentScorer(Options.Create(new ScoringOptions { WatchModelFiles = false }), NullLogger<CommentScorer>.Instance, new ModelDirectory(BenchPaths.Models));
        _textbook = TextbookBaseline.CreateEngine();
        _signals = SpamSignals.Load(Path.Combine(BenchPaths.Models, "spam-signals"))
            ?? throw new InvalidOperationException("no spam lists in " + BenchPaths.Models);
    }

    [Benchmark(OperationsPerInvoke = Comments, Description = "CommentScorer.Score, both models + terms, per comment")]
    public double BothModels()
    {
        var sum = 0.0;
        foreach (var text in _texts) sum += _scorer.Score(text).Toxicity ?? 0;
        return sum;
    }

    /// <summary>The spam lists alone: part of <see cref="BothModels"/>, run on every comment.</summary>
    [Benchmark(OperationsPerInvoke = Comments, Description = "SpamSignals.Find (the spam lists), per comment")]
    public int SpamLists()
    {
        var found = 0;
        foreach (var text in _texts) if (_signals.Find(text) is not null) found++;
        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Comments, Description = "textbook FeaturizeText+SDCA toxicity, per comment")]
    public double Textbook()
    {
        var sum = 0.0;
        foreach (var text in _texts) sum += _textbook.Predict(new TextbookBaseline.Input { Text = text }).Probability;
        return sum;
    }
}
