using Comments.Core.Text;

namespace Comments.Scoring.Features;

/// <summary>
/// Turns a normalised comment into hashed features: folded words, word pairs, character
/// 2–5-grams inside each word (with word-boundary marks), and a few meta signals. Each group
/// is scaled by 1/√(its size) so long and short comments weigh alike. Shared by training and
/// serving: a model is only valid with the <see cref="FeatureSpec"/> it was trained with.
/// </summary>
public static class TextFeaturizer
{
    private const uint WordSeed = 1, PairSeed = 2, CharSeed = 3, MetaSeed = 4, NumberSeed = 5;
    private const int MinCharGram = 2, MaxCharGram = 5, MaxCharsPerWord = 20;
    private const char Boundary = ' ';

    public static void Featurize(string normalizedText, FeatureBuffer features)
    {
        features.Clear();
        var tokens = features.Tokens;
        EvasionFolder.Fold(normalizedText, tokens);
        var mask = (uint)FeatureSpec.Dimension - 1;

        Span<MetaFeature> meta = stackalloc MetaFeature[MetaFeatures.MaxPerText];
        var metaCount = MetaFeatures.Detect(normalizedText, meta);
        for (var m = 0; m < metaCount; m++)
            features.Add((int)(FeatureHashing.Combine(FeatureHashing.Start(MetaSeed), (uint)-(int)meta[m]) & mask), (int)meta[m]);

        var wordsFrom = features.Count;
        var previous = 0u;
        for (var t = 0; t < tokens.Count; t++)
        {
            var word = tokens.Folded(t);
            var hash = IsNumber(word)
                ? FeatureHashing.Combine(FeatureHashing.Start(NumberSeed), (uint)Math.Min(word.Length, 12))
                : FeatureHashing.Finish(FeatureHashing.Of(WordSeed, word));
            features.Add((int)(hash & mask), t);
            if (t > 0) features.Add((int)(FeatureHashing.Combine(previous ^ PairSeed, hash) & mask), t - 1, t);
            previous = hash;
        }
        ScaleGroup(features, wordsFrom);

        var charsFrom = features.Count;
        for (var t = 0; t < tokens.Count; t++)
        {
            var word = tokens.Folded(t);
            if (IsNumber(word)) continue;
            AddCharGrams(word.Length > MaxCharsPerWord ? word[..MaxCharsPerWord] : word, t, features, mask);
        }
        ScaleGroup(features, charsFrom);
    }

    private static void AddCharGrams(ReadOnlySpan<char> word, int token, FeatureBuffer features, uint mask)
    {
        // Positions run over " word " so grams at the edges carry the boundary mark.
        var padded = word.Length + 2;
        for (var start = 0; start < padded - 1; start++)
        {
            var h = FeatureHashing.Start(CharSeed);
            for (var n = 1; n <= MaxCharGram && start + n <= padded; n++)
            {
                var pos = start + n - 1;
                h = FeatureHashing.Add(h, pos == 0 || pos == padded - 1 ? Boundary : word[pos - 1]);
                if (n >= MinCharGram) features.Add((int)(FeatureHashing.Finish(h) & mask), token);
            }
        }
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!char.IsDigit(c)) return false;
        return true;
    }

    private static void ScaleGroup(FeatureBuffer features, int from)
    {
        var size = features.Count - from;
        if (size > 1) features.Scale(from, 1f / MathF.Sqrt(size));
    }
}
