using Comments.Training.Data;

namespace Comments.Training.Training;

/// <summary>The weight ML.NET sees for each row: its own weight × its source's weight, class-balanced per source when asked.</summary>
public static class RowWeights
{
    public static float[] For(IReadOnlyList<LabelledRow> rows, TrainingSettings settings)
    {
        var weights = rows.Select(r => r.Weight * (settings.SourceWeights.TryGetValue(r.Source, out var w) ? w : 1f)).ToArray();
        if (!settings.BalanceClasses) return weights;

        // Each class of a source gets half of the source's total weight, so a corpus that is 83%
        // toxic does not teach the model that its style is toxic.
        foreach (var source in rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Source))
        {
            var total = source.Sum(x => weights[x.i]);
            var positive = source.Where(x => x.r.Label).Sum(x => weights[x.i]);
            var negative = total - positive;
            if (positive <= 0 || negative <= 0) continue;
            foreach (var (row, i) in source) weights[i] *= total / 2 / (row.Label ? positive : negative);
        }
        return weights;
    }
}
