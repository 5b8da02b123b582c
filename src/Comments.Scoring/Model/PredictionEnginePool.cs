using System.Collections.Concurrent;
using Microsoft.ML;

namespace Comments.Scoring.Model;

/// <summary>
/// PredictionEngine is not thread-safe and slow to create: engines are created on demand,
/// lent to one caller at a time and returned. Used by the ML.NET reference path (checks and
/// benchmarks); the service scores with <see cref="LinearTextModel"/>.
/// </summary>
public sealed class PredictionEnginePool(ITransformer model)
{
    private readonly MLContext _context = new(seed: 0);
    private readonly ConcurrentBag<PredictionEngine<FeatureVector, ModelOutput>> _engines = [];

    public ModelOutput Predict(FeatureVector input)
    {
        if (!_engines.TryTake(out var engine)) engine = _context.Model.CreatePredictionEngine<FeatureVector, ModelOutput>(model);
        try { return engine.Predict(input); }
        finally { _engines.Add(engine); }
    }
}
