using System.Globalization;

namespace Comments.Storage;

/// <summary>Sizes as Garnet writes them: a number with an optional k, m or g (binary units).</summary>
internal static class ByteSize
{
    public static long Parse(string value)
    {
        var s = value.Trim().ToLowerInvariant().TrimEnd('b');
        var unit = s.Length > 0 ? s[^1] : ' ';
        var factor = unit switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, 't' => 1L << 40, _ => 1L };
        var number = factor == 1 ? s : s[..^1];
        return long.TryParse(number, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n * factor
            : throw new FormatException($"Not a size: '{value}' (write e.g. 512m or 2g).");
    }

    public static bool IsSize(string? value)
    {
        try { return value is not null && Parse(value) >= 1L << 20; }
        catch (FormatException) { return false; }
    }

    public static long PowerOfTwoAtLeast(long n)
    {
        var p = 1L;
        while (p < n) p <<= 1;
        return p;
    }

    public static string Format(long bytes) => bytes % (1L << 30) == 0 ? $"{bytes >> 30}g"
        : bytes % (1L << 20) == 0 ? $"{bytes >> 20}m"
        : bytes % (1L << 10) == 0 ? $"{bytes >> 10}k"
        : bytes.ToString(CultureInfo.InvariantCulture);
}
