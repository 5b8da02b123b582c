namespace Comments.Core.Text;

/// <summary>
/// Web addresses in a comment: http://, https://, bare www. ones, and a bare host name followed
/// by a path (<c>t.me/channel</c>, <c>bit.ly/x</c>), each running to the next white space. Shared by the link-count rule, the model's link signal and its link-blind score.
/// </summary>
public static class Links
{
    public static int Count(string text)
    {
        var count = 0;
        var addresses = new Addresses(text);
        while (addresses.Next(out _, out _)) count++;
        return count;
    }

    /// <summary>The addresses in the text, in order, each as written (to the next white space).</summary>
    public static List<string> All(string text)
    {
        var found = new List<string>();
        var addresses = new Addresses(text);
        while (addresses.Next(out var start, out var length)) found.Add(text.Substring(start, length));
        return found;
    }

    /// <summary>
    /// Whether an address names a page of a site ("docs.python.org/3/library/x.html", "en.wikipedia.org/wiki/X",
    /// "example.com/?p=12"): what a reader citing a source links. Not a site's front page ("www.cheap-shop.com",
    /// "https://example.com/"), the usual target of link spam, nor a shortener that hides where it leads
    /// ("bit.ly/3xY"). Twitter's and YouTube's own short forms (t.co, youtu.be) are how those sites share a page,
    /// so they count as pages.
    /// </summary>
    public static bool NamesAPage(string address)
    {
        var rest = address.AsSpan().TrimEnd(".,;:!?)]}\"'");
        foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://"])
            if (rest.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) { rest = rest[scheme.Length..]; break; }
        var hostEnd = rest.IndexOfAny('/', '?', '#');
        if (hostEnd < 0) return false;
        var host = rest[..hostEnd];
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) host = host[4..];
        foreach (var shortener in Shorteners)
            if (host.Equals(shortener, StringComparison.OrdinalIgnoreCase)) return false;
        return rest[hostEnd..].ContainsAnyExcept(PathMarks);
    }

    private static readonly System.Buffers.SearchValues<char> PathMarks = System.Buffers.SearchValues.Create("/?#");

    /// <summary>Link shorteners in common use by spammers; not Twitter's t.co or YouTube's youtu.be.</summary>
    private static readonly string[] Shorteners =
        ["bit.ly", "goo.gl", "tinyurl.com", "ow.ly", "is.gd", "buff.ly", "tiny.cc", "rb.gy", "cutt.ly", "shorturl.at", "rebrand.ly", "s.id", "v.gd", "t.ly", "bl.ink", "shorte.st", "adf.ly"];

    /// <summary>The text with every address taken out (the white space around it stays).</summary>
    public static string Remove(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        var addresses = new Addresses(text);
        while (addresses.Next(out var start, out var length))
        {
            builder.Append(text, copied, start - copied);
            copied = start + length;
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The addresses of a text one after another, as where each starts and its length; allocates nothing.</summary>
    private struct Addresses(string text)
    {
        private int _next;
        private int _mark = -1;
        private int _from;

        public bool Next(out int start, out int length)
        {
            for (var i = NextCandidate(text, _next, ref _mark, ref _from); i < text.Length; i = NextCandidate(text, i + 1, ref _mark, ref _from))
            {
                length = LengthAt(text, i);
                if (length == 0) continue;
                (start, _next) = (i, i + length);
                return true;
            }
            (start, length, _next) = (text.Length, 0, text.Length);
            return false;
        }
    }

    /// <summary>
    /// The first position at or after <paramref name="i"/> where an address can start. An address runs to the next
    /// white space and holds a '.' or a '/' (every form above does), so only the stretch before the next such mark
    /// with no white space in between needs looking at. <paramref name="mark"/> and <paramref name="from"/> carry
    /// that mark and where its stretch starts from one call to the next: each character is looked at a bounded
    /// number of times, however long a word is.
    /// </summary>
    private static int NextCandidate(string text, int i, ref int mark, ref int from)
    {
        if (i >= text.Length) return i;
        if (mark < i)
        {
            var next = text.AsSpan(i).IndexOfAny('.', '/');
            if (next < 0) return mark = from = text.Length;
            mark = from = i + next;
            while (from > i && !char.IsWhiteSpace(text[from - 1])) from--;
        }
        return Math.Max(i, from);
    }

    /// <summary>The length of the address starting at <paramref name="i"/>, or 0 when none starts there.</summary>
    private static int LengthAt(string text, int i)
    {
        var startsWord = i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not ('/' or '.' or '@' or '-');
        // Inside a word only "http" can start an address: most candidates are decided here.
        if (!startsWord && text[i] is not ('h' or 'H')) return 0;
        var rest = text.AsSpan(i);
        var starts = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (startsWord && rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            || (startsWord && IsHostWithPath(rest));
        if (!starts) return 0;
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return end - i;
    }

    /// <summary>"t.me/x", "bit.ly/abc", "example.co.uk/page": labels of letters, digits and hyphens, a dot, a top-level name of 2–12 letters, then "/".</summary>
    private static bool IsHostWithPath(ReadOnlySpan<char> rest)
    {
        var dots = 0;
        var labelStart = 0;
        for (var j = 0; j < rest.Length && j < 256; j++)
        {
            var c = rest[j];
            if (char.IsAsciiLetterOrDigit(c) || (c == '-' && j > labelStart)) continue;
            if (c == '.' && j > labelStart) { dots++; labelStart = j + 1; continue; }
            if (c != '/' || dots == 0) return false;
            var tld = rest[labelStart..j];
            if (tld.Length is < 2 or > 12) return false;
            foreach (var t in tld) if (!char.IsAsciiLetter(t)) return false;
            return true;
        }
        return false;
    }
}
