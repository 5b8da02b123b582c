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
        for (var i = 0; i < text.Length; i++)
        {
            var length = LengthAt(text, i);
            if (length == 0) continue;
            count++;
            i += length;
        }
        return count;
    }

    /// <summary>The text with every address taken out (the white space around it stays).</summary>
    public static string Remove(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var length = LengthAt(text, i);
            if (length == 0) builder.Append(text[i]);
            else i += length - 1;
        }
        return builder.ToString();
    }

    /// <summary>The length of the address starting at <paramref name="i"/>, or 0 when none starts there.</summary>
    private static int LengthAt(string text, int i)
    {
        var rest = text.AsSpan(i);
        var startsWord = i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] is not ('/' or '.' or '@' or '-');
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
