namespace Comments.Core.Text;

/// <summary>
/// Web addresses in a comment: http://, https:// and bare www. ones, each running to the next
/// white space. Shared by the link-count rule, the model's link signal and its link-blind score.
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
        var starts = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '/'));
        if (!starts) return 0;
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return end - i;
    }
}
