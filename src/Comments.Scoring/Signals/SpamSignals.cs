using System.Buffers;
using System.Text.RegularExpressions;

namespace Comments.Scoring.Signals;

/// <summary>
/// SmokeDetector's community spam lists (models/spam-signals, MIT/Apache-2.0): keyword patterns
/// (supplement and pharma brands, "spell caster", "support phone number", essay mills, loans…)
/// matched on word boundaries, and spam web sites matched inside the comment's dotted words.
/// A match is evidence for the policy, never a verdict on its own (ModelRule).
/// <para>Compiled once. Matching stays cheap by never running thousands of patterns over the
/// whole text: a keyword pattern that starts with three literal characters is tried only at a
/// word start with those characters. The site list is searched only in words with a dot
/// followed by a letter: its plain domains (96%) with one vectorised multi-string search, the
/// others where their literal start occurs in the word (<see cref="Led"/>), and the few without
/// one on the linear-time engine together (those with look-arounds one by one: as one backtracking
/// alternation they had cost ten times as much). Keyword patterns with no literal start (about one in ten, e.g.
/// <c>.{0,12}loanfirm@gmail\.com</c>) are left out: as one regex they cost about 1 ms a comment.</para>
/// <para>The lists are written for Python: possessive quantifiers (<c>x*+</c>) become greedy,
/// and the few patterns .NET still cannot compile are skipped.</para>
/// </summary>
public sealed partial class SpamSignals
{
    public const string KeywordFile = "bad_keywords.txt", WebsiteFile = "blacklisted_websites.txt";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    private readonly PrefixTable _keywordsByPrefix;
    private readonly SearchValues<string>? _plainSites;
    private readonly SearchValues<string>? _siteLeads;
    private readonly PrefixTable _sitesByPrefix;
    private readonly Regex[] _unledSites;

    /// <summary>Keyword patterns in use (with a literal start), and site patterns.</summary>
    public int KeywordCount { get; }
    public int WebsiteCount { get; }

    private SpamSignals(IEnumerable<string> keywordPatterns, IEnumerable<string> websites)
    {
        // Anchored where the candidate word starts; the word boundary after it as SmokeDetector adds it.
        var keywords = Usable(keywordPatterns).Select(p => (Lead: LiteralLead(p), Pattern: @"\G(?:" + p + @")(?:\b|$)")).Where(p => p.Lead.Length >= 3).ToList();
        KeywordCount = keywords.Count;
        _keywordsByPrefix = new PrefixTable(keywords);
        var sites = Usable(websites).ToList();
        WebsiteCount = sites.Count;
        var plain = sites.Where(p => PlainDomain().IsMatch(p)).Select(p => p.Replace("\\", "")).ToArray();
        var other = sites.Where(p => !PlainDomain().IsMatch(p)).ToArray();
        if (plain.Length > 0) _plainSites = SearchValues.Create(plain, StringComparison.OrdinalIgnoreCase);
        // A site pattern with a literal start is tried only where that start occurs in the word
        // (one regex of all of them cost about 9 µs a comment); the few without one are read as below.
        var parsed = other.Select(p => (Parsed: Led(p), Pattern: p)).ToList();
        var led = parsed.Where(p => p.Parsed.Lead.Length >= 3).Select(p => (p.Parsed.Lead, Pattern: @"\G(?:" + p.Parsed.Pattern + ")")).ToList();
        _sitesByPrefix = new PrefixTable(led);
        if (led.Count > 0) _siteLeads = SearchValues.Create(led.Select(p => p.Lead[..3]).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);
        var unled = parsed.Where(p => p.Parsed.Lead.Length < 3).Select(p => p.Pattern).ToList();
        var linear = unled.Where(Linear).ToList();
        var together = linear.Count == 0 ? [] : new[] { new Regex(string.Join("|", linear.Select(p => "(?:" + p + ")")), Options | RegexOptions.NonBacktracking, Timeout) };
        _unledSites = [.. together.Concat(unled.Except(linear).Select(p => new Regex(p, Options | RegexOptions.Compiled, Timeout))).Select(Warmed)];
    }

    /// <summary>
    /// Most patterns without a literal start are obfuscation catchers (<c>d[\W_]*(?:%[\da-f]{2,}[\W_]*)*a…</c>) whose
    /// nested repeats backtrack for tens of milliseconds on a long run of "%aa". Those without look-arounds run together
    /// on the linear-time engine, which reads a word once for all of them; the others, one by one, backtrack within the time-out.
    /// </summary>
    private static bool Linear(string pattern)
    {
        try { _ = new Regex(pattern, Options | RegexOptions.NonBacktracking); return true; }
        catch (NotSupportedException) { return false; }
    }

    /// <summary>
    /// A regex's first match compiles it (the linear-time engine builds its first states), which can take longer
    /// than the time-out: the first comment with a dotted word after a start was taken as matching nothing.
    /// </summary>
    private static Regex Warmed(Regex regex)
    {
        try { regex.Match("http://warm.up/"); }
        catch (RegexMatchTimeoutException) { }
        return regex;
    }

    /// <summary>Reads the lists from a folder; null when the folder has neither file.</summary>
    public static SpamSignals? Load(string folder)
    {
        var keywords = Path.Combine(folder, KeywordFile);
        var websites = Path.Combine(folder, WebsiteFile);
        if (!File.Exists(keywords) && !File.Exists(websites)) return null;
        return new SpamSignals(ReadList(keywords), ReadList(websites));
    }

    public static SpamSignals FromLists(IEnumerable<string> keywords, IEnumerable<string> websites) => new(keywords, websites);

    private static IEnumerable<string> ReadList(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')) : [];

    /// <summary>
    /// What in a normalised text is on the lists, for the moderator ("keyword \"spell caster\"",
    /// "listed site \"example.in\""); null when nothing is.
    /// </summary>
    public string? Find(string text)
    {
        try
        {
            return FindKeyword(text) is { } keyword ? $"keyword \"{keyword}\"" : FindWebsite(text) is { } site ? $"listed site \"{site}\"" : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a pathological input is not evidence of spam
        }
    }

    private string? FindKeyword(string text)
    {
        for (var i = 0; i + 3 <= text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) continue;
            if (_keywordsByPrefix.MatchAt(text, i) is { } match) return match.Trim();
        }
        return null;
    }

    private string? FindWebsite(string text)
    {
        // Only words with a dot followed by a letter can name a site; most comments have none.
        for (var dot = text.IndexOf('.'); dot >= 0 && dot + 1 < text.Length; dot = text.IndexOf('.', dot + 1))
        {
            if (!char.IsLetter(text[dot + 1])) continue;
            var start = dot;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
            var end = dot;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            var word = text[start..end];
            if (_plainSites is not null && word.AsSpan().IndexOfAny(_plainSites) is var at and >= 0) return HostFrom(word, at);
            if (FindLedSite(word) is { } led) return led;
            foreach (var regex in _unledSites)
                if (regex.Match(word) is { Success: true } match) return match.Value;
            dot = end - 1; // one look per word
        }
        return null;
    }

    private string? FindLedSite(string word)
    {
        if (_siteLeads is null) return null;
        for (var from = 0; from + 3 <= word.Length;)
        {
            var found = word.AsSpan(from).IndexOfAny(_siteLeads);
            if (found < 0) return null;
            if (_sitesByPrefix.MatchAt(word, from + found) is { } match) return match;
            from += found + 1;
        }
        return null;
    }

    /// <summary>
    /// Patterns grouped by the first three characters of their literal start, lower-cased. Its look-up runs at every
    /// word start, so a bit for each pair of ASCII first characters that starts some pattern rules out most places
    /// before the three characters are put together and looked up.
    /// </summary>
    private sealed class PrefixTable
    {
        private readonly Dictionary<long, (string Lead, Regex Pattern)[]> _byKey;
        private readonly ulong[] _asciiPairs = new ulong[128 * 128 / 64];

        public PrefixTable(IEnumerable<(string Lead, string Pattern)> patterns)
        {
            _byKey = patterns.GroupBy(p => Key(p.Lead))
                .ToDictionary(g => g.Key, g => g.Select(p => (p.Lead, new Regex(p.Pattern, Options, Timeout))).ToArray());
            foreach (var key in _byKey.Keys)
                if (AsciiPair((char)key, (char)(key >> 16)) is var pair and >= 0) _asciiPairs[pair >> 6] |= 1UL << pair;
        }

        /// <summary>The first pattern whose literal start is at <paramref name="i"/> and that matches there (each is anchored with \G).</summary>
        public string? MatchAt(string text, int i)
        {
            if (i + 3 > text.Length) return null;
            var pair = AsciiPair(char.ToLowerInvariant(text[i]), char.ToLowerInvariant(text[i + 1]));
            if (pair >= 0 && (_asciiPairs[pair >> 6] & 1UL << pair) == 0) return null;
            if (!_byKey.TryGetValue(Key(text.AsSpan(i)), out var candidates)) return null;
            foreach (var (lead, regex) in candidates)
            {
                // The literal start decides almost every candidate without running its regex.
                if (!text.AsSpan(i).StartsWith(lead, StringComparison.OrdinalIgnoreCase)) continue;
                if (regex.Match(text, i) is { Success: true } match) return match.Value;
            }
            return null;
        }

        private static long Key(ReadOnlySpan<char> text) =>
            char.ToLowerInvariant(text[0]) | (long)char.ToLowerInvariant(text[1]) << 16 | (long)char.ToLowerInvariant(text[2]) << 32;

        /// <summary>Two lower-cased characters as a bit index, or -1 when either is not ASCII (those go straight to the look-up).</summary>
        private static int AsciiPair(char first, char second) => first < 128 && second < 128 ? first << 7 | second : -1;
    }

    /// <summary>The host part of a word from where a listed domain starts, as evidence for a moderator.</summary>
    private static string HostFrom(string word, int at)
    {
        var end = at;
        while (end < word.Length && (char.IsLetterOrDigit(word[end]) || word[end] is '.' or '-')) end++;
        return word[at..end].TrimEnd('.');
    }

    private static IEnumerable<string> Usable(IEnumerable<string> patterns)
    {
        foreach (var raw in patterns)
        {
            var pattern = Possessive().Replace(raw.Trim(), "$1");
            if (pattern.Length == 0) continue;
            try { _ = new Regex(pattern, Options); }
            catch (ArgumentException) { continue; }
            yield return pattern;
        }
    }

    /// <summary>
    /// A site pattern as a literal start and the pattern to try where that start is: leading
    /// zero-width checks (<c>\b</c>, look-behinds) stay in the pattern, and a leading one-character
    /// class (<c>\W</c>, <c>[/.]</c>) becomes a look-behind, so <c>\b(?&lt;![^\W_]-)gfix\.in</c> and
    /// <c>\Wfita\.in\W</c> are tried only where "gfix.in" and "fita.in" occur.
    /// </summary>
    internal static (string Lead, string Pattern) Led(string pattern)
    {
        var rest = 0;
        while (rest < pattern.Length)
        {
            if (pattern.AsSpan(rest).StartsWith(@"\b")) { rest += 2; continue; }
            if (pattern.AsSpan(rest).StartsWith("(?<!") || pattern.AsSpan(rest).StartsWith("(?<="))
            {
                var close = GroupEnd(pattern, rest);
                if (close < 0) return ("", pattern);
                rest = close + 1;
                continue;
            }
            break;
        }
        var start = rest;
        var behind = "";
        if (pattern.AsSpan(rest).StartsWith(@"\W")) { behind = @"(?<=\W)"; rest += 2; }
        else if (rest < pattern.Length && pattern[rest] == '[' && pattern.IndexOf(']', rest + 1) is var end and > 0
            && !pattern.AsSpan(rest, end - rest).Contains('\\') && end + 1 < pattern.Length && pattern[end + 1] is not ('*' or '+' or '?' or '{'))
        {
            behind = "(?<=" + pattern[rest..(end + 1)] + ")";
            rest = end + 1;
        }
        var lead = LiteralLead(pattern[rest..]);
        return (lead, pattern[..start] + behind + pattern[rest..]);
    }

    /// <summary>Where the group opened at <paramref name="open"/> closes; -1 when it does not.</summary>
    private static int GroupEnd(string pattern, int open)
    {
        var depth = 0;
        var inClass = false;
        for (var i = open; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { inClass = c != ']'; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The lower-case literal characters a pattern must start with ("ewebtonic.in" from <c>ewebtonic\.in</c>).</summary>
    internal static string LiteralLead(string pattern)
    {
        var lead = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsLetterOrDigit(c) || c is ' ' or '@' or '\'' or '/') { lead.Append(char.ToLowerInvariant(c)); i++; continue; }
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '.' or '-' or '/' or '$' or '+') { lead.Append(pattern[i + 1]); i += 2; continue; }
            break;
        }
        // A quantifier or alternation right after makes the last character (or everything) optional.
        if (i < pattern.Length && pattern[i] is '?' or '*' or '{' && lead.Length > 0) lead.Length--;
        return HasTopLevelAlternation(pattern) ? "" : lead.ToString();
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { inClass = c != ']'; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9-]|\\[.-])+$")]
    private static partial Regex PlainDomain();

    [GeneratedRegex(@"(?<!\\)([*+?}])\+")]
    private static partial Regex Possessive();
}
