namespace Comments.Core.Sites;

/// <summary>Matches a request origin against a site's configured origin patterns.</summary>
public static class SiteOrigins
{
    public static bool IsAllowed(SiteOptions site, string? origin)
    {
        if (string.IsNullOrEmpty(origin)) return false;
        foreach (var pattern in site.AllowedOrigins)
        {
            if (Matches(pattern, origin)) return true;
        }
        return false;
    }

    /// <summary>
    /// A pattern is an origin in which <c>*</c> stands for one port or one or more host labels:
    /// <c>http://localhost:*</c>, <c>https://*.example.com</c>. Matching is a plain scan, no regex.
    /// </summary>
    public static bool Matches(string pattern, string origin)
    {
        if (pattern == "*") return true;
        if (!pattern.Contains('*')) return string.Equals(pattern.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase);
        var parts = pattern.TrimEnd('/').Split('*');
        if (!origin.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var position = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var isLast = i == parts.Length - 1;
            var next = isLast
                ? (origin.EndsWith(parts[i], StringComparison.OrdinalIgnoreCase) ? origin.Length - parts[i].Length : -1)
                : origin.IndexOf(parts[i], position, StringComparison.OrdinalIgnoreCase);
            if (next < position) return false;
            if (!IsWildcardText(origin.AsSpan(position, next - position))) return false;
            position = next + parts[i].Length;
        }
        return position == origin.Length;
    }

    // A wildcard stands for port digits or host labels, never for a path, a scheme or credentials.
    private static bool IsWildcardText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var ch in text)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.')) return false;
        }
        return true;
    }
}
