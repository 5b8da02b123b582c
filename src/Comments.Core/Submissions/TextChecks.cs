using System.Text;

namespace Comments.Core.Submissions;

/// <summary>Character-level checks shared by the validators.</summary>
public static class TextChecks
{
    public static int Utf8Bytes(string? value) => value is null ? 0 : Encoding.UTF8.GetByteCount(value);

    /// <summary>True when every surrogate is part of a valid pair.</summary>
    public static bool IsWellFormedUtf16(string? value)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(ch)) return false;
        }
        return true;
    }

    /// <summary>C0 and C1 control characters; tab and line breaks are allowed only in multi-line text.</summary>
    public static bool HasControlCharacters(string? value, bool multiline)
    {
        if (value is null) return false;
        foreach (var ch in value)
        {
            if (multiline && ch is '\n' or '\r' or '\t') continue;
            if (char.IsControl(ch)) return true;
        }
        return false;
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>A practical address check: one @, a dotted domain of letters, digits and hyphens, no spaces.</summary>
    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (local.Length > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var ch in local)
        {
            if (ch <= ' ' || ch >= 0x7F || "()<>[]\\,;:\"".Contains(ch)) return false;
        }
        var labels = domain.ToString().Split('.');
        if (labels.Length < 2) return false;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var ch in label)
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch == '-')) return false;
            }
        }
        return labels[^1].All(char.IsAsciiLetter);
    }

    /// <summary>
    /// Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE,
    /// U+FFFF, U+1FFFE…): never meant for interchange, and Unicode normalisation throws on them.
    /// Refused rather than stripped, like lone surrogates: the text is stored as sent.
    /// </summary>
    public static bool HasNoncharacters(string? value)
    {
        if (value is null) return false;
        for (var i = 0; i < value.Length; i++)
        {
            int cp = value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                cp = char.ConvertToUtf32(value[i], value[++i]);
            if (cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE) return true;
        }
        return false;
    }

    /// <summary>
    /// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text
    /// display in another order than it reads (a name that shows as someone else's, a link that
    /// hides its target). The marks U+200E, U+200F and U+061C that right-to-left text needs stay allowed.
    /// </summary>
    public static bool HasBidiControls(string? value)
    {
        if (value is null) return false;
        foreach (var ch in value)
        {
            if (ch is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')) return true;
        }
        return false;
    }

    /// <summary>
    /// True when something would be seen: a character that is not white space, not an invisible
    /// format character (zero-width, soft hyphen, fillers; see <see cref="Text.TextNormalizer.IsInvisibleControl"/>)
    /// and not a blank (U+2800). A name or text of only such characters counts as missing.
    /// </summary>
    public static bool HasVisibleText(string? value)
    {
        if (value is null) return false;
        foreach (var ch in value)
        {
            if (!char.IsWhiteSpace(ch) && !Text.TextNormalizer.IsInvisibleControl(ch) && ch != '\u2800') return true;
        }
        return false;
    }
}
