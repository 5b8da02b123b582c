namespace Comments.Training.Evaluation;

/// <summary>The numbers `evaluate` prints (and `--json` emits with these names in camelCase).</summary>
public sealed record BinaryMetrics(
    double RocAuc, double PrAuc, double F1, double Precision, double Recall,
    double BestF1, double BestF1Threshold, double PrecisionAt90Recall, double Threshold, int Rows, int Positives,
    double FalsePositiveRate)
{
    /// <summary>The mean score of the label-0 rows and of the label-1 rows (NaN when there are none): the score gap of a template set.</summary>
    public double MeanNegativeScore { get; init; }

    public double MeanPositiveScore { get; init; }

    /// <summary>
    /// Computes every metric from scores and labels; F1, precision, recall and the false-positive
    /// rate at <paramref name="threshold"/> (score ≥ threshold is positive). ROC AUC is NaN when
    /// the rows hold one class only.
    /// </summary>
    public static BinaryMetrics Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;

        double truePositives = 0, falsePositives = 0, area = 0, averagePrecision = 0, bestF1 = 0, bestThreshold = 1, precisionAt90 = 0;
        var i = 0;
        while (i < order.Length)
        {
            // Rows with equal scores move together: ties count half in ROC AUC.
            var score = scores[order[i]];
            double tiedPositives = 0, tiedNegatives = 0;
            for (; i < order.Length && scores[order[i]] == score; i++)
                if (labels[order[i]]) tiedPositives++; else tiedNegatives++;
            area += tiedNegatives * (truePositives + tiedPositives / 2);
            truePositives += tiedPositives;
            falsePositives += tiedNegatives;

            var precision = truePositives / (truePositives + falsePositives);
            var recall = positives == 0 ? 0 : truePositives / positives;
            averagePrecision += positives == 0 ? 0 : precision * tiedPositives / positives;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) { bestF1 = f1; bestThreshold = score; }
            if (recall >= 0.9) precisionAt90 = Math.Max(precisionAt90, precision);
        }

        var (p, r, f, fpr) = AtThreshold(scores, labels, threshold);
        var rocAuc = positives == 0 || negatives == 0 ? double.NaN : area / ((double)positives * negatives);
        return new BinaryMetrics(rocAuc, averagePrecision, f, p, r, bestF1, bestThreshold, precisionAt90, threshold, scores.Count, positives, fpr)
        {
            MeanNegativeScore = Mean(scores, labels, false),
            MeanPositiveScore = Mean(scores, labels, true),
        };
    }

    private static double Mean(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, bool label)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < scores.Count; i++)
            if (labels[i] == label) { sum += scores[i]; count++; }
        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Precision, recall and F1 at the threshold, and the share of negative rows at or above it.</summary>
    private static (double Precision, double Recall, double F1, double FalsePositiveRate) AtThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
        }
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        var negatives = scores.Count - (tp + fn);
        var falsePositiveRate = negatives == 0 ? double.NaN : fp / negatives;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), falsePositiveRate);
    }
}
