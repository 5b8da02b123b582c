using Comments.Core.Comments;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Rules;

/// <summary>
/// Step 6: the site's blocked words send a comment to spam, its suspect words hold it. Matched
/// with plain ordinal search on whole words of the normalised text, name, email and URL, and on
/// the words of the text and name folded as the model folds them (<see cref="EvasionFolder"/>:
/// "c@s1n0", "c a s i n o" and a Cyrillic look-alike all match "casino"). Never a regex
/// built from a configured pattern.
/// </summary>
public sealed class WordListRule : IDecisionRule
{
    public int Order => 60;

    public ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var site = context.Site;
        if (site.BlockedWords.Count == 0 && site.SuspectWords.Count == 0) return ValueTask.FromResult<CommentStatus?>(null);
        var s = context.Submission;
        var name = TextNormalizer.Normalize(s.AuthorName ?? "");
        var haystack = string.Join('\n', context.NormalizedText, name, s.AuthorEmail, s.AuthorUrl).ToLowerInvariant();
        var folded = new TokenList();
        EvasionFolder.Fold(context.NormalizedText + "\n" + name, folded);

        if (FirstMatch(haystack, site.BlockedWords, folded) is { } blocked)
        {
            context.Reasons.Add(new CommentReason("rule.blocked_word", $"Contains the blocked word \"{blocked}\"."));
            return ValueTask.FromResult<CommentStatus?>(CommentStatus.Spam);
        }
        if (FirstMatch(haystack, site.SuspectWords, folded) is { } suspect)
        {
            context.Reasons.Add(new CommentReason("rule.suspect_word", $"Contains the suspect word \"{suspect}\"."));
            return ValueTask.FromResult<CommentStatus?>(CommentStatus.Pending);
        }
        return ValueTask.FromResult<CommentStatus?>(null);
    }

    public static string? FirstMatch(string lowerText, IEnumerable<string> words, TokenList? foldedText = null)
    {
        var needleTokens = foldedText is null ? null : new TokenList();
        foreach (var word in words)
        {
            var needle = TextNormalizer.Normalize(word).ToLowerInvariant();
            if (needle.Length > 0 && ContainsWholeWord(lowerText, needle)) return word;
            if (foldedText is null) continue;
            EvasionFolder.Fold(needle, needleTokens!);
            if (ContainsTokens(foldedText, needleTokens!)) return word;
        }
        return null;
    }

    /// <summary>The folded words of the entry appear one after the other among the text's.</summary>
    private static bool ContainsTokens(TokenList text, TokenList needle)
    {
        if (needle.Count == 0) return false;
        for (var start = 0; start + needle.Count <= text.Count; start++)
        {
            var all = true;
            for (var k = 0; k < needle.Count && all; k++) all = text.Folded(start + k).SequenceEqual(needle.Folded(k));
            if (all) return true;
        }
        return false;
    }

    private static bool ContainsWholeWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(word[0]);
            var end = at + word.Length;
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(word[^1]);
            if (startsWord && endsWord) return true;
        }
        return false;
    }
}
