using System.Text;

namespace Comments.Training.Perturbation;

/// <summary>
/// Makes an evasive copy of a raw comment the way people dodge word filters: l33t digits and
/// symbols, dots/spaces/dashes between letters, a letter repeated 3–6 times, Cyrillic/Greek homoglyphs,
/// zero-width characters, full-width forms. Each word of three letters or more is perturbed
/// with probability <see cref="WordRate"/> by one technique. Deterministic for a given seed.
/// </summary>
public sealed class Perturber(int seed)
{
    public const double WordRate = 0.5;
    public enum Technique { Leet, Separators, Repeats, Homoglyphs, ZeroWidth, FullWidth }

    private static readonly Dictionary<char, string> Leet = new() { ['a'] = "4@", ['e'] = "3", ['i'] = "1!", ['o'] = "0", ['s'] = "5$", ['t'] = "7", ['l'] = "1|" };
    private static readonly Dictionary<char, char> LookAlike = new()
    {
        ['a'] = 'а', ['c'] = 'с', ['e'] = 'е', ['o'] = 'о', ['p'] = 'р', ['x'] = 'х', ['y'] = 'у', ['i'] = 'і', ['k'] = 'κ', ['v'] = 'ν', ['t'] = 'τ',
    };
    private static readonly string[] SeparatorChoices = [".", " ", "-", "_", "*"];

    /// <summary>Perturbs row <paramref name="row"/> of a file; the same (seed, row, text) always gives the same copy.</summary>
    public string Perturb(string text, int row, Technique? only = null)
    {
        var random = new Random(unchecked(seed * 1_000_003 + row)); // HashCode.Combine is salted per process: not reproducible
        var result = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { result.Append(text[i++]); continue; }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var word = text[start..i];
            if (word.Length >= 3 && random.NextDouble() < WordRate)
                result.Append(Apply(only ?? (Technique)random.Next(6), word, random));
            else
                result.Append(word);
        }
        return result.ToString();
    }

    private static string Apply(Technique technique, string word, Random random) => technique switch
    {
        Technique.Leet => Map(word, c => Leet.TryGetValue(char.ToLowerInvariant(c), out var options) && random.NextDouble() < 0.7
            ? options[random.Next(options.Length)].ToString() : c.ToString()),
        Technique.Separators => string.Join(SeparatorChoices[random.Next(SeparatorChoices.Length)], word.ToCharArray()),
        Technique.Repeats => RepeatOneLetter(word, random),
        Technique.Homoglyphs => Map(word, c => LookAlike.TryGetValue(c, out var g) && random.NextDouble() < 0.7 ? g.ToString() : c.ToString()),
        Technique.ZeroWidth => string.Join("\u200B", word.ToCharArray()),
        _ => Map(word, c => c is >= '!' and <= '~' ? ((char)(c - '!' + '\uFF01')).ToString() : c.ToString()),
    };

    private static string RepeatOneLetter(string word, Random random)
    {
        var at = random.Next(word.Length);
        return word[..at] + new string(word[at], 3 + random.Next(4)) + word[(at + 1)..];
    }

    private static string Map(string word, Func<char, string> map)
    {
        var sb = new StringBuilder(word.Length * 2);
        foreach (var c in word) sb.Append(map(c));
        return sb.ToString();
    }
}
