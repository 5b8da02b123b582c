using Comments.Scoring.Features;
using Comments.Core.Text;

namespace Comments.Scoring.Model;

/// <summary>Picks the distinct terms with the largest positive contribution, never a stop word.</summary>
internal static class TermRanking
{
    /// <summary>
    /// Function words a moderator learns nothing from ("about", "would"). "you" and "your" are
    /// not here: who a comment is aimed at is part of why it was held.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "s", "t", "d", "ll", "m", "re", "ve",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<string> Top(ReadOnlySpan<float> byToken, ReadOnlySpan<float> byMeta, TokenList tokens, string text, int count)
    {
        var candidates = new List<(float Contribution, string Term)>();
        for (var t = 0; t < byToken.Length; t++)
        {
            if (byToken[t] <= 0 || StopWordLookup.Contains(tokens.Folded(t))) continue;
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
