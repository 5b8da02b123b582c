namespace Comments.Scoring.Features;

/// <summary>
/// The shape of a phone number, the signal of link-less "support number" spam: 10–15 digits in
/// at most five groups joined by single spaces, dots, hyphens or brackets, with an optional
/// leading "+" ("+1-888-555-0199", "1 (800) 555 0199", "+44 20 7946 0958", "08002986030").
/// Lists of years ("2019 2020 2021") and IP addresses ("85.72.239.108") are not numbers to call.
/// </summary>
public static class PhoneNumbers
{
    private const int MinDigits = 10, MaxDigits = 15, MaxGroups = 5;

    public static bool Contains(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiDigit(c) || c is '+' or '(')) continue;
            if (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or ',' or '/')) continue;
            var end = Scan(text, i, out var isPhone);
            if (isPhone) return true;
            i = end;
        }
        return false;
    }

    private static int Scan(string text, int start, out bool isPhone)
    {
        int digits = 0, groups = 0, groupLength = 0, i = start;
        bool allFour = true, onlyDots = true;
        if (text[i] == '+') i++;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                if (groupLength == 0) groups++;
                groupLength++;
                digits++;
                i++;
                continue;
            }
            // Between groups: one or two of " -.()" ("-", ") ", " (") followed by a digit.
            var run = 0;
            while (run < 2 && i + run < text.Length && text[i + run] is ' ' or '-' or '.' or '(' or ')') run++;
            if (run == 0 || i + run >= text.Length || !char.IsAsciiDigit(text[i + run])) break;
            if (groupLength > 0 && groupLength != 4) allFour = false;
            for (var k = 0; k < run; k++) onlyDots &= text[i + k] == '.';
            groupLength = 0;
            i += run;
        }
        if (groupLength is > 0 and not 4) allFour = false;
        isPhone = digits is >= MinDigits and <= MaxDigits && groups <= MaxGroups && !(allFour && groups > 1) && !(onlyDots && groups == 4)
            && (i == text.Length || !char.IsAsciiLetterOrDigit(text[i]));
        return i;
    }
}
