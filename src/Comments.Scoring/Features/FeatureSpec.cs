namespace Comments.Scoring.Features;

/// <summary>
/// The shape of the feature vector the shipped models read. Changing the featurizer or the
/// folding means retraining: a model whose input size differs from <see cref="Dimension"/> is refused.
/// </summary>
public static class FeatureSpec
{
    public const int HashBits = 18;
    public const int Dimension = 1 << HashBits;
}
