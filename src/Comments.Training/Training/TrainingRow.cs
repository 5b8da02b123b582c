using Comments.Scoring.Features;
using Microsoft.ML.Data;

namespace Comments.Training.Training;

/// <summary>One featurised row as the ML.NET trainer reads it.</summary>
public sealed class TrainingRow
{
    public bool Label { get; set; }
    public float Weight { get; set; }

    [VectorType(FeatureSpec.Dimension)]
    public VBuffer<float> Features { get; set; }
}
