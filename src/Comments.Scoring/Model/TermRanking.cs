using Comments.Scoring.Features;
using Comments.Scoring.Text;

namespace Comments.Scoring.Model;

/// <summary>Picks the distinct terms with the largest positive contribution.</summary>
internal static class TermRanking
{
    public static IReadOnlyList<string> Top(ReadOnlySpan<float> byToken, ReadOnlySpan<float> byMeta, TokenList tokens, string text, int count)
    {
        var candidates = new List<(float Contribution, string Term)>();
        for (var t = 0; t < byToken.Length; t++)
        {
            if (byToken[t] <= 0) continue;
            var (start, length) = tokens.Source(t);
            candidates.Add((byToken[t], text.Substring(start, length)));
        }
        for (var m = 0; m < byMeta.Length; m++)
            if (byMeta[m] > 0) candidates.Add((byMeta[m], MetaFeatures.Describe((MetaFeature)(-m))));

        candidates.Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
        var terms = new List<string>(count);
        foreach (var (_, term) in candidates)
        {
            if (terms.Count == count) break;
            if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase)) terms.Add(term);
        }
        return terms;
    }
}
