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
/// others with one regex. Keyword patterns with no literal start (about one in ten, e.g.
/// <c>.{0,12}loanfirm@gmail\.com</c>) are left out: as one regex they cost about 1 ms a comment.</para>
/// <para>The lists are written for Python: possessive quantifiers (<c>x*+</c>) become greedy,
/// and the few patterns .NET still cannot compile are skipped.</para>
/// </summary>
public sealed partial class SpamSignals
{
    public const string KeywordFile = "bad_keywords.txt", WebsiteFile = "blacklisted_websites.txt";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, (string Lead, Regex Pattern)[]> _byPrefix;
    private readonly SearchValues<string>? _plainSites;
    private readonly Regex? _websites;

    /// <summary>Keyword patterns in use (with a literal start), and site patterns.</summary>
    public int KeywordCount { get; }
    public int WebsiteCount { get; }

    private SpamSignals(IEnumerable<string> keywords, IEnumerable<string> websites)
    {
        var byPrefix = new Dictionary<string, List<(string, Regex)>>(StringComparer.Ordinal);
        foreach (var pattern in Usable(keywords))
        {
            var lead = LiteralLead(pattern);
            if (lead.Length < 3) continue;
            KeywordCount++;
            // Anchored where the candidate word starts; the word boundary after it as SmokeDetector adds it.
            var anchored = new Regex(@"\G(?:" + pattern + @")(?:\b|$)", Options, Timeout);
            var key = lead[..3];
            if (!byPrefix.TryGetValue(key, out var list)) byPrefix[key] = list = [];
            list.Add((lead, anchored));
        }
        _byPrefix = byPrefix.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        var sites = Usable(websites).ToList();
        WebsiteCount = sites.Count;
        var plain = sites.Where(p => PlainDomain().IsMatch(p)).Select(p => p.Replace("\\", "")).ToArray();
        var other = sites.Where(p => !PlainDomain().IsMatch(p)).ToArray();
        if (plain.Length > 0) _plainSites = SearchValues.Create(plain, StringComparison.OrdinalIgnoreCase);
        if (other.Length > 0)
            _websites = new Regex(string.Join("|", other.Select(p => "(?:" + p + ")")), Options | RegexOptions.Compiled, Timeout);
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
        Span<char> key = stackalloc char[3];
        for (var i = 0; i + 3 <= text.Length; i++)
        {
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) continue;
            for (var k = 0; k < 3; k++) key[k] = char.ToLowerInvariant(text[i + k]);
            if (!_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var candidates)) continue;
            foreach (var (lead, regex) in candidates)
            {
                // The literal start decides almost every candidate without running its regex.
                if (!text.AsSpan(i).StartsWith(lead, StringComparison.OrdinalIgnoreCase)) continue;
                var match = regex.Match(text, i);
                if (match.Success) return match.Value.Trim();
            }
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
            if (_websites?.Match(word) is { Success: true } match) return match.Value;
            dot = end - 1; // one look per word
        }
        return null;
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

    /// <summary>The lower-case literal characters a pattern must start with ("ewebtonic.in" from <c>ewebtonic\.in</c>).</summary>
    internal static string LiteralLead(string pattern)
    {
        var lead = new System.Text.StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsLetterOrDigit(c) || c is ' ' or '@' or '\'') { lead.Append(char.ToLowerInvariant(c)); i++; continue; }
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
