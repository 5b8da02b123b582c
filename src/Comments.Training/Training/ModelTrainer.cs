using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Model;
using Comments.Training.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Comments.Training.Training;

/// <summary>
/// Trains one binary model: the comment text goes through the same normalisation and
/// featurizer as in the service, each slot is scaled by its naive Bayes ratio
/// (<see cref="NaiveBayesScale"/>, an ML.NET min-max normalizer in the saved file), then
/// ML.NET's L-BFGS logistic regression (L1 + L2) learns one weight per hashed slot.
/// Deterministic: fixed seed, single thread, rows in file order.
/// </summary>
public static class ModelTrainer
{
    public static ITransformer Train(IReadOnlyList<LabelledRow> rows, TrainingSettings settings, out DataViewSchema inputSchema)
    {
        var training = rows.Where(r => IsTrainingRow(r, settings)).ToList();
        if (training.Count == 0) throw new InvalidOperationException("no training rows (check --train-split and --exclude-group)");
        if (training.All(r => r.Label) || training.All(r => !r.Label))
            throw new InvalidOperationException("the training rows must contain both labels");

        var context = new MLContext(seed: settings.Seed);
        var featurized = Featurize(training, RowWeights.For(training, settings));
        var data = context.Data.LoadFromEnumerable(featurized);
        var scale = NaiveBayesScale.Compute(featurized, settings.NbAlpha, settings.NbBeta);
        var normalizer = context.Transforms.NormalizeMinMax(nameof(TrainingRow.Features), fixZero: true)
            .Fit(context.Data.LoadFromEnumerable(NaiveBayesScale.AsNormalizerInput(scale)));
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L2Regularization = settings.L2,
            L1Regularization = settings.L1,
            MaximumNumberOfIterations = settings.MaxIterations,
            NumberOfThreads = 1,
        });
        inputSchema = data.Schema;
        var predictor = trainer.Fit(normalizer.Transform(data));
        return new TransformerChain<ITransformer>(normalizer, predictor);
    }

    public static bool IsTrainingRow(LabelledRow row, TrainingSettings settings) =>
        (row.Split.Length == 0 || settings.TrainSplits.Contains("all") || settings.TrainSplits.Contains(row.Split, StringComparer.OrdinalIgnoreCase))
        && !settings.ExcludeGroups.Contains(row.Group, StringComparer.OrdinalIgnoreCase)
        && !(settings.Holdout && IsHoldout(row));

    /// <summary>A stable fifth of the rows, chosen by the text's SHA-1 (a different residue from the corpora's own test split).</summary>
    public static bool IsHoldout(LabelledRow row) =>
        System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(row.Text))[0] % 5 == 1;

    private static List<TrainingRow> Featurize(List<LabelledRow> rows, float[] weights)
    {
        var buffer = new FeatureBuffer();
        var result = new List<TrainingRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, weight) = (rows[i], weights[i]);
            if (weight <= 0) continue;
            TextFeaturizer.Featurize(TextNormalizer.Normalize(row.Text), buffer);
            result.Add(new TrainingRow { Label = row.Label, Weight = weight, Features = FeatureVector.From(buffer) });
        }
        return result;
    }
}
