using Comments.Scoring.Features;

namespace Comments.Scoring.Model;

/// <summary>
/// The weights of a trained logistic regression, read out of its ML.NET file, applied
/// directly to <see cref="FeatureBuffer"/> slots. Same arithmetic as ML.NET's predictor
/// (w·x + b, then the Platt calibrator), without building a sparse vector per comment.
/// Immutable and thread-safe.
/// </summary>
public sealed class LinearTextModel(string name, string version, float[] weights, float bias, double slope, double offset)
{
    public string Name { get; } = name;

    /// <summary>File name plus the first 12 hex digits of the file's SHA-256.</summary>
    public string Version { get; } = version;

    public int NonZeroWeights => weights.Count(w => w != 0);

    public double Probability(FeatureBuffer features) => Calibrate(RawScore(features));

    public float RawScore(FeatureBuffer features)
    {
        var indices = features.Indices;
        var values = features.Values;
        var sum = bias;
        for (var i = 0; i < indices.Length; i++) sum += weights[indices[i]] * values[i];
        return sum;
    }

    public double Calibrate(float score) => 1.0 / (1.0 + Math.Exp(slope * score + offset));

    /// <summary>
    /// The words (as written in <paramref name="text"/>) and meta signals that raised the score
    /// most, strongest first. A word gets its own weight, its character grams and half of each
    /// word pair it is part of.
    /// </summary>
    public IReadOnlyList<string> TopTerms(FeatureBuffer features, string text, int count)
    {
        var tokens = features.Tokens;
        Span<float> byToken = tokens.Count <= 256 ? stackalloc float[tokens.Count] : new float[tokens.Count];
        Span<float> byMeta = stackalloc float[8];
        byToken.Clear();
        byMeta.Clear();
        var indices = features.Indices;
        var values = features.Values;
        var first = features.FirstToken;
        var second = features.SecondToken;
        for (var i = 0; i < indices.Length; i++)
        {
            var contribution = weights[indices[i]] * values[i];
            if (MetaFeatures.IsMeta(first[i])) { byMeta[-first[i]] += contribution; continue; }
            if (second[i] == FeatureBuffer.NoToken) { byToken[first[i]] += contribution; continue; }
            byToken[first[i]] += contribution / 2;
            byToken[second[i]] += contribution / 2;
        }
        return TermRanking.Top(byToken, byMeta, tokens, text, count);
    }
}
