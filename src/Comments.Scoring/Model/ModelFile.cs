using System.Collections.Immutable;
using System.Security.Cryptography;
using Comments.Scoring.Features;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace Comments.Scoring.Model;

using LinearPredictor = BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>;

/// <summary>
/// Reads a shipped model: an ML.NET .zip holding a calibrated linear binary classifier over
/// <see cref="FeatureVector"/>, optionally after a per-slot scaling (a min-max normalizer that
/// keeps zero at zero, which is how training stores its naive Bayes scales). The scale is
/// folded into the weights, so serving is one multiply-add per feature either way. The file is
/// read once into memory, so a file being replaced while we read it is either fully old or fully new.
/// </summary>
public static class ModelFile
{
    public static LinearTextModel Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var version = $"{Path.GetFileNameWithoutExtension(path)}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]}";
        var transformer = LoadTransformer(bytes, path, out var inputSchema);
        var (scale, predictor) = Split(transformer, path);
        CheckInput(inputSchema, path);

        var linear = predictor.Model.SubModel;
        var weights = new float[FeatureSpec.Dimension];
        var trained = linear.Weights;
        for (var i = 0; i < trained.Count; i++) weights[i] = trained[i] * (scale.IsDefault ? 1f : scale[i]);
        var calibrator = predictor.Model.Calibrator;
        return new LinearTextModel(Path.GetFileNameWithoutExtension(path), version, weights, linear.Bias, calibrator.Slope, calibrator.Offset);
    }

    private static (ImmutableArray<float> Scale, LinearPredictor Predictor) Split(ITransformer transformer, string path)
    {
        if (transformer is LinearPredictor alone) return (default, alone);
        if (transformer is TransformerChain<ITransformer> chain && chain.Count() == 2
            && chain.First() is NormalizingTransformer normalizer && chain.Last() is LinearPredictor predictor
            && normalizer.GetNormalizerModelParameters(0) is NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine
            && affine.Scale.Length == FeatureSpec.Dimension && (affine.Offset.IsDefaultOrEmpty || affine.Offset.All(o => o == 0)))
            return (affine.Scale, predictor);
        throw new InvalidDataException($"{path} is not a calibrated linear binary model, alone or after a per-slot scaling (found {Describe(transformer)}).");
    }

    private static string Describe(ITransformer transformer) => transformer is TransformerChain<ITransformer> chain
        ? string.Join(" → ", chain.Select(t => t.GetType().Name))
        : transformer.GetType().Name;

    /// <summary>Loads the file as ML.NET sees it (for prediction engines and checks).</summary>
    public static ITransformer LoadTransformer(string path, out DataViewSchema inputSchema) =>
        LoadTransformer(File.ReadAllBytes(path), path, out inputSchema);

    private static ITransformer LoadTransformer(byte[] bytes, string path, out DataViewSchema inputSchema)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return new MLContext(seed: 0).Model.Load(stream, out inputSchema);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"{path} is not a readable ML.NET model: {e.Message}", e);
        }
    }

    private static void CheckInput(DataViewSchema inputSchema, string path)
    {
        var column = inputSchema.GetColumnOrNull(FeatureVector.ColumnName);
        if (column?.Type is not VectorDataViewType { Size: FeatureSpec.Dimension })
            throw new InvalidDataException(
                $"{path} expects a '{FeatureVector.ColumnName}' vector of another size than this featurizer's {FeatureSpec.Dimension}: retrain it.");
    }
}
