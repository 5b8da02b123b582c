using Comments.Core.Text;
using Comments.Scoring.Semantic;
using Comments.Training.Data;
using Comments.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Comments.Training.Semantic;

/// <summary>
/// Trains the semantic stage's head: ML.NET's L-BFGS logistic regression over the 384-dim
/// sentence embedding of the rows in the semantic sample that the cache holds. Each row weighs
/// its source's weight (as for the n-gram model) times the rows of its label it stands for
/// (<see cref="SemanticSample.Weight"/>), so the sample keeps the full data's class balance.
/// Deterministic: fixed seed, one thread.
/// </summary>
public static class SemanticTrainer
{
    public sealed class Row
    {
        public bool Label { get; set; }
        public float Weight { get; set; }

        [VectorType(SentenceEmbedder.Dimension)]
        public float[] Embedding { get; set; } = [];
    }

    public static ITransformer Train(IReadOnlyList<LabelledRow> rows, SemanticSample sample, EmbeddingCache cache, TrainingSettings settings,
        out DataViewSchema schema, out int trained, out int missing)
    {
        var training = rows.Where(r => ModelTrainer.IsTrainingRow(r, settings) && sample.Keeps(r)).ToList();
        var weights = RowWeights.For(training, settings);
        var data = new List<Row>(training.Count);
        missing = 0;
        for (var i = 0; i < training.Count; i++)
        {
            if (weights[i] <= 0) continue;
            if (!cache.TryGet(TextNormalizer.Normalize(training[i].Text), out var vector)) { missing++; continue; }
            data.Add(new Row { Label = training[i].Label, Weight = weights[i] * sample.Weight(training[i]), Embedding = vector });
        }
        trained = data.Count;
        if (data.Count == 0 || data.All(r => r.Label) || data.All(r => !r.Label))
            throw new InvalidOperationException("the semantic sample has no embedded rows of both labels: run `embed` first");
        var context = new MLContext(seed: settings.Seed);
        var view = context.Data.LoadFromEnumerable(data);
        schema = view.Schema;
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = SemanticHead.ColumnName,
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = settings.L2,
            L1Regularization = settings.L1,
            MaximumNumberOfIterations = settings.MaxIterations,
            NumberOfThreads = 1,
        });
        return trainer.Fit(view);
    }
}
