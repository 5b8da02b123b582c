using Comments.Scoring.Features;
using Microsoft.ML.Data;

namespace Comments.Training.Training;

/// <summary>
/// Per-slot feature scales from naive Bayes log-count ratios (Wang and Manning's NBSVM, 2012):
/// a slot seen far more often in one class than the other is scaled up before the logistic
/// regression, so L2 shrinks it less. Scale = max(0.05, 1 + β(|r| − 1)), with
/// r = log((p + α)/‖p + α‖₁) − log((q + α)/‖q + α‖₁), where p and q count (by row weight) the
/// positive and negative rows a slot occurs in. β = 0 switches it off (every scale 1).
/// </summary>
public static class NaiveBayesScale
{
    private const double MinimumScale = 0.05;

    public static float[] Compute(IReadOnlyList<TrainingRow> rows, double alpha, double beta)
    {
        var scale = new float[FeatureSpec.Dimension];
        if (beta == 0) { Array.Fill(scale, 1f); return scale; }

        var positive = new double[FeatureSpec.Dimension];
        var negative = new double[FeatureSpec.Dimension];
        foreach (var row in rows)
        {
            var counts = row.Label ? positive : negative;
            // Presence, not frequency: a slot counts once per row however often it occurs.
            foreach (var slot in row.Features.GetIndices()) counts[slot] += row.Weight;
        }
        var positiveTotal = positive.Sum() + alpha * FeatureSpec.Dimension;
        var negativeTotal = negative.Sum() + alpha * FeatureSpec.Dimension;
        for (var slot = 0; slot < scale.Length; slot++)
        {
            var ratio = Math.Log((positive[slot] + alpha) / positiveTotal) - Math.Log((negative[slot] + alpha) / negativeTotal);
            scale[slot] = (float)Math.Max(MinimumScale, 1 + beta * (Math.Abs(ratio) - 1));
        }
        return scale;
    }

    /// <summary>
    /// The data set whose min-max normalizer (zero kept at zero) multiplies slot i by scale[i]:
    /// ML.NET's normalizer divides by the largest absolute value it saw, here 1/scale[i]. The
    /// all-zero second row is needed because a slot that only ever saw one value gets scale 0.
    /// This keeps the scales inside the ML.NET model file as a standard transform.
    /// </summary>
    public static ScaleRow[] AsNormalizerInput(float[] scale) =>
    [
        new ScaleRow { Features = new VBuffer<float>(scale.Length, scale.Select(s => 1f / s).ToArray()) },
        new ScaleRow { Features = new VBuffer<float>(scale.Length, 0, [], []) },
    ];

    public sealed class ScaleRow
    {
        [VectorType(FeatureSpec.Dimension)]
        public VBuffer<float> Features { get; set; }
    }
}
