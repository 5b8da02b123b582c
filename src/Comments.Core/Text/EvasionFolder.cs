namespace Comments.Core.Text;

/// <summary>
/// Splits an already normalised comment (TextNormalizer) into folded words, undoing cheap
/// evasion: case, Cyrillic/Greek homoglyphs and diacritics, l33t digits and symbols inside
/// words ("sh1t", "@ss", "$hit"), repeated letters ("fuuuck" → "fuck", while the double in
/// "good" stays), and letters spelled out one by one
/// ("f u c k", "f.u.c.k"). The same code runs at training and at serving time.
/// </summary>
public static class EvasionFolder
{
    private const int MinSpelledOutLetters = 3;
    private const int MaxSpelledOutGap = 3;

    public static void Fold(string text, TokenList tokens)
    {
        tokens.Clear();
        Span<char> word = stackalloc char[64];
        var spelledOut = 0;
        var previousEnd = -1;
        var runGap = ReadOnlySpan<char>.Empty;
        var i = 0;
        while (i < text.Length)
        {
            if (!StartsWord(text, i)) { i++; continue; }
            var start = i;
            var length = 0;
            var hasLetter = false;
            var last = '\0';
            var run = 0;
            while (i < text.Length && InWord(text, i, start))
            {
                var c = Fold(text[i]);
                i++;
                if (c == '\0') continue;
                hasLetter |= char.IsLetter(c) || IsLeetSymbol(c);
                if (c != last) (last, run) = (c, 0);
                if (++run > 3 && !char.IsDigit(c)) continue;
                if (length < word.Length) word[length++] = c;
            }
            if (length == 0) continue;
            if (hasLetter) length = CollapseRuns(UnLeet(DropSpellingSymbols(word[..length])));

            var isSingleLetter = length == 1 && char.IsLetter(word[0]);
            var gap = previousEnd >= 0 ? text.AsSpan(previousEnd, start - previousEnd) : ReadOnlySpan<char>.Empty;
            // "s-t-u-p-i-d m-o-r-o-n": a run continues only while the letters are split the same way.
            var continuesRun = previousEnd >= 0 && gap.Length <= MaxSpelledOutGap && !HasLetterOrDigit(text, previousEnd, start)
                && (spelledOut < 2 || gap.SequenceEqual(runGap));
            if (!isSingleLetter || !continuesRun) EndSpelledOut(text, tokens, ref spelledOut);
            else if (spelledOut == 1) runGap = gap;
            tokens.Add(word[..length], start, i);
            spelledOut = isSingleLetter ? spelledOut + 1 : 0;
            previousEnd = i;
        }
        EndSpelledOut(text, tokens, ref spelledOut);
    }

    private static void EndSpelledOut(string text, TokenList tokens, ref int spelledOut)
    {
        if (spelledOut >= MinSpelledOutLetters)
        {
            // "you are a s t u p i d", "I h a t e": the run starts with a real one-letter word.
            var join = spelledOut > MinSpelledOutLetters && StartsWithOneLetterWord(text, tokens, tokens.Count - spelledOut) ? spelledOut - 1 : spelledOut;
            tokens.JoinLast(join);
        }
        spelledOut = 0;
    }

    private static readonly string[] WordsBeforeNoun = ["a", "an", "the", "you", "u", "ya", "ur", "your", "my", "his", "her", "their", "our", "its"];

    /// <summary>
    /// The article "a" after a word that does not itself call for a noun ("are a s t u p i d"; but
    /// "an a s s" and "you a s s" stay one word), or the pronoun "I" written as a capital before
    /// lower-case letters ("I h a t e").
    /// </summary>
    private static bool StartsWithOneLetterWord(string text, TokenList tokens, int first)
    {
        var letter = tokens.Folded(first)[0];
        if (letter == 'i')
        {
            var (start, _) = tokens.Source(first);
            var (next, _) = tokens.Source(first + 1);
            return text[start] == 'I' && char.IsLower(text[next]);
        }
        if (letter != 'a') return false;
        if (first == 0) return true;
        var previous = tokens.Folded(first - 1);
        foreach (var word in WordsBeforeNoun) if (previous.SequenceEqual(word)) return false;
        return true;
    }

    /// <summary>Lower case, homoglyphs folded, invisible characters dropped ('\0').</summary>
    private static char Fold(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (IsInvisible(c)) return '\0';
        return Homoglyphs.Fold(char.ToLowerInvariant(c));
    }

    private static bool IsLetterOrDigit(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    // ASCII has no invisible format characters; skipping the Unicode lookup matters per character.
    private static bool IsInvisible(char c) => c >= 0x80 && TextNormalizer.IsInvisibleControl(c);

    private static bool IsLeetSymbol(char c) => c is '@' or '$' or '!' or '|' or '*';

    private static bool StartsWord(string text, int i)
    {
        if (IsLetterOrDigit(text[i]) || IsInvisible(text[i])) return true;
        // "$hit", "@ss": a symbol opens a word only when two letters follow.
        return IsLeetSymbol(text[i]) && i + 2 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i + 2]);
    }

    private static bool InWord(string text, int i, int start)
    {
        var c = text[i];
        if (IsLetterOrDigit(c) || IsInvisible(c)) return true;
        if (!IsLeetSymbol(c)) return false;
        if (i == start) return true;
        // "sh!t", "f*ck": a symbol between two word characters belongs to the word.
        return i + 1 < text.Length && IsLetterOrDigit(text[i + 1]) && IsLetterOrDigit(text[i - 1]);
    }

    private static bool HasLetterOrDigit(string text, int from, int to)
    {
        for (var i = from; i < to; i++) if (IsLetterOrDigit(text[i])) return true;
        return false;
    }

    /// <summary>"f*u*c*k": one symbol between every letter spells the word out.</summary>
    private static Span<char> DropSpellingSymbols(Span<char> word)
    {
        if (word.Length < 5 || word.Length % 2 == 0 || !IsLeetSymbol(word[1])) return word;
        for (var i = 1; i < word.Length; i += 2) if (word[i] != word[1]) return word;
        for (var i = 0; i < word.Length; i += 2) if (!char.IsLetterOrDigit(word[i])) return word;
        var length = 0;
        for (var i = 0; i < word.Length; i += 2) word[length++] = word[i];
        return word[..length];
    }

    /// <summary>Maps l33t digits and symbols to letters in a word that has letters.</summary>
    private static Span<char> UnLeet(Span<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = word[i] switch
            {
                '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't',
                '@' => 'a', '$' => 's', '!' => 'i', '|' => 'l',
                var c => c,
            };
        }
        return word;
    }

    /// <summary>Three or more of a letter become one ("fuuuck" → "fuck"); a double stays ("good").</summary>
    private static int CollapseRuns(Span<char> word)
    {
        var length = 0;
        var i = 0;
        while (i < word.Length)
        {
            var run = 1;
            while (i + run < word.Length && word[i + run] == word[i]) run++;
            word[length++] = word[i];
            if (run == 2) word[length++] = word[i];
            i += run;
        }
        return length;
    }
}
