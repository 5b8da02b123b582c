using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Comments.Scoring.Semantic;

using LinearPredictor = BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>;

/// <summary>
/// A calibrated logistic regression over the sentence embedding (KIND.semantic.zip, trained by
/// `train-semantic`). Read out of its ML.NET file like <see cref="Model.ModelFile"/> does for
/// the n-gram models: 384 weights, a bias and the Platt calibrator. Immutable, thread-safe.
/// </summary>
public sealed class SemanticHead
{
    public const string ColumnName = "Embedding";

    private readonly float[] _weights;
    private readonly float _bias;
    private readonly double _slope, _offset;

    private SemanticHead(string version, float[] weights, float bias, double slope, double offset) =>
        (Version, _weights, _bias, _slope, _offset) = (version, weights, bias, slope, offset);

    /// <summary>File name plus the first 12 hex digits of the file's SHA-256.</summary>
    public string Version { get; }

    public static SemanticHead Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ITransformer transformer;
        DataViewSchema schema;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            transformer = new MLContext(seed: 0).Model.Load(stream, out schema);
        }
        catch (Exception e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a readable ML.NET model: {e.Message}", e);
        }
        if (transformer is not LinearPredictor predictor
            || schema.GetColumnOrNull(ColumnName)?.Type is not VectorDataViewType { Size: SentenceEmbedder.Dimension })
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a calibrated linear model over a {SentenceEmbedder.Dimension}-dim '{ColumnName}' vector.");
        var linear = predictor.Model.SubModel;
        var version = $"{Path.GetFileNameWithoutExtension(path)}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
        return new SemanticHead(version, [.. linear.Weights], linear.Bias, predictor.Model.Calibrator.Slope, predictor.Model.Calibrator.Offset);
    }

    public double Probability(ReadOnlySpan<float> embedding)
    {
        var sum = _bias;
        for (var i = 0; i < _weights.Length; i++) sum += _weights[i] * embedding[i];
        return 1.0 / (1.0 + Math.Exp(_slope * sum + _offset));
    }

    /// <summary>
    /// The n-gram model's and the head's probabilities averaged in logit space, the head weighing
    /// <paramref name="semanticWeight"/> (Scoring:SemanticWeight): the n-grams know words and
    /// evasions, the embedding knows what a sentence is about.
    /// </summary>
    public static double Combine(double fast, double semantic, double semanticWeight = 0.5) =>
        Sigmoid((1 - semanticWeight) * Logit(fast) + semanticWeight * Logit(semantic));

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
