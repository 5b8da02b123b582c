using Comments.Training.Evaluation;

namespace Comments.Training.Tests;

public class BinaryMetricsTests
{
    [Fact]
    public void A_perfect_ranking_has_roc_auc_one_and_a_reversed_one_zero()
    {
        bool[] labels = [true, true, false, false];
        Assert.Equal(1.0, BinaryMetrics.Compute([0.9, 0.8, 0.2, 0.1], labels, 0.5).RocAuc, 6);
        Assert.Equal(0.0, BinaryMetrics.Compute([0.1, 0.2, 0.8, 0.9], labels, 0.5).RocAuc, 6);
    }

    [Fact]
    public void Tied_scores_count_half_in_roc_auc() =>
        Assert.Equal(0.5, BinaryMetrics.Compute([0.5, 0.5, 0.5, 0.5], [true, false, true, false], 0.5).RocAuc, 6);

    [Fact]
    public void Threshold_metrics_count_scores_at_the_threshold_as_positive()
    {
        // Ranked: 0.9 (pos), 0.7 (neg), 0.5 (pos), 0.3 (pos), 0.1 (neg). At 0.5: tp 2, fp 1, fn 1.
        var m = BinaryMetrics.Compute([0.9, 0.7, 0.5, 0.3, 0.1], [true, false, true, true, false], 0.5);
        Assert.Equal(2.0 / 3, m.Precision, 6);
        Assert.Equal(2.0 / 3, m.Recall, 6);
        Assert.Equal(2.0 / 3, m.F1, 6);
        Assert.Equal(4.0 / 6, m.RocAuc, 6);
        // Average precision: (1 + 2/3 + 3/4) / 3.
        Assert.Equal((1 + 2.0 / 3 + 0.75) / 3, m.PrAuc, 6);
        // Best F1 is at 0.3: precision 3/4, recall 1.
        Assert.Equal(6.0 / 7, m.BestF1, 6);
        Assert.Equal(0.75, m.PrecisionAt90Recall, 6);
        Assert.Equal(5, m.Rows);
    }
}
