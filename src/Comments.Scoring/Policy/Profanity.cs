namespace Comments.Scoring.Policy;

/// <summary>
/// Swear words used as intensifiers or exclamations ("fucking brilliant", "holy shit", "damn"),
/// as opposed to insults aimed at someone ("fucker", "shithead", "bitch", "idiot"), which are not
/// listed here. Works on words folded by <see cref="Core.Text.EvasionFolder"/> ("f*cking",
/// "sh1t" and "fuuuck" arrive as "fucking", "shit", "fuck").
/// </summary>
public static class Profanity
{
    private static readonly string[] Stems = ["fuck", "fuk", "fck", "fuq", "shit", "shite"];
    private static readonly string[] InsultParts = ["tard", "face", "wit", "head", "hole", "bag", "stain", "stick", "nugget", "lord"];
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "fkn", "fking", "fkin", "effing", "effin", "damn", "damned", "dammit", "damnit", "goddamn", "goddamned", "goddam",
        "hell", "helluva", "crap", "crappy", "crapped", "bloody", "piss", "pissed", "pissing", "pisses", "wtf", "omfg",
        "frickin", "fricking", "freaking", "freakin", "frigging", "friggin", "feckin", "fecking", "bollocks", "bullshit",
        "horseshit", "batshit", "holyshit", "bs",
    };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSwearWord(ReadOnlySpan<char> folded)
    {
        if (folded.Length < 2 || folded.Length > 16) return false;
        var star = folded.IndexOf('*');
        if (star >= 0)
        {
            // "f*cking", "sh*t": one starred vowel.
            if (folded[(star + 1)..].Contains('*')) return false;
            Span<char> filled = stackalloc char[folded.Length];
            folded.CopyTo(filled);
            foreach (var vowel in "aeiou")
            {
                filled[star] = vowel;
                if (IsSwearWord(filled)) return true;
            }
            return false;
        }
        if (WordLookup.Contains(folded)) return true;
        // Every stem starts with "f" or "sh": most words are out after one vectorised search.
        if (folded.IndexOfAny('f', 'h') < 0) return false;
        foreach (var stem in Stems)
        {
            var at = folded.IndexOf(stem, StringComparison.Ordinal);
            if (at < 0) continue;
            // "fucker", "motherfucker", "shithead", "dipshit": a noun for a person is an insult.
            if (folded.EndsWith("er", StringComparison.Ordinal) || folded.EndsWith("ers", StringComparison.Ordinal)) return false;
            if (folded.StartsWith("dip", StringComparison.Ordinal)) return false;
            foreach (var part in InsultParts) if (folded.Contains(part, StringComparison.Ordinal)) return false;
            return true;
        }
        return false;
    }
}
