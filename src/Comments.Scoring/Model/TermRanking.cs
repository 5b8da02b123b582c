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

    /// <summary>
    /// Ranked by contribution, earlier words first on a tie. Only the winners become strings: most
    /// comments that are explained at all are published, and nobody reads their terms.
    /// </summary>
    public static IReadOnlyList<string> Top(ReadOnlySpan<float> byToken, ReadOnlySpan<float> byMeta, TokenList tokens, string text, int count)
    {
        // A candidate is a word's token index, or a meta signal as -1 - its code.
        var size = byToken.Length + byMeta.Length;
        Span<(float Contribution, int Index)> candidates = size <= 256 ? stackalloc (float, int)[size] : new (float, int)[size];
        var found = 0;
        for (var t = 0; t < byToken.Length; t++)
            if (byToken[t] > 0 && !StopWordLookup.Contains(tokens.Folded(t))) candidates[found++] = (byToken[t], t);
        for (var m = 0; m < byMeta.Length; m++)
            if (byMeta[m] > 0) candidates[found++] = (byMeta[m], -1 - m);
        candidates = candidates[..found];
        candidates.Sort(static (a, b) => a.Contribution != b.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.Index.CompareTo(b.Index));

        var terms = new List<string>(count);
        foreach (var (_, index) in candidates)
        {
            if (terms.Count == count) break;
            if (index < 0)
            {
                var described = MetaFeatures.Describe((MetaFeature)(1 + index));
                if (!Contains(terms, described)) terms.Add(described);
                continue;
            }
            var (start, length) = tokens.Source(index);
            var term = text.AsSpan(start, length);
            if (!Contains(terms, term)) terms.Add(term.ToString());
        }
        return terms;
    }

    private static bool Contains(List<string> terms, ReadOnlySpan<char> term)
    {
        foreach (var chosen in terms)
            if (term.Equals(chosen, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
