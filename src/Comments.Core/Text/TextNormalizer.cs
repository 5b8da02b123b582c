using System.Globalization;
using System.Text;

namespace Comments.Core.Text;

/// <summary>
/// Step 3 of the pipeline: the copy of a comment that rules and scoring read.
/// Unicode NFKC (folds full-width forms and compatibility characters), zero-width and
/// bidi controls removed, whitespace runs folded to one space, trimmed.
/// The original text is stored untouched; this copy is never shown.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        foreach (var ch in nfkc)
        {
            if (IsInvisibleControl(ch)) continue;
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Zero-width characters, bidi embeddings/overrides/isolates, soft hyphen and other format characters.</summary>
    public static bool IsInvisibleControl(char ch) =>
        ch is '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E'
            or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u206F')
            or '\u3164' or '\uFEFF' or '\uFFA0'
        || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format;
}
