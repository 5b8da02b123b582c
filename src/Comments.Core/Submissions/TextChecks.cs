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

    /// <summary>Thread ids are the embedding page's own id: a slug or a post id.</summary>
    public static bool IsThreadId(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= FieldLimits.ThreadIdLength
        && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' or ':' or '~');
}
