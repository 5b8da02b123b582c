using System.Globalization;

namespace Comments.Api.Mail;

/// <summary>Dates in mails: the full date and the time, in UTC, written as the language writes them (<c>3. Dezember 2026 14:05 UTC</c>).</summary>
public static class MailDates
{
    public static string Format(DateTimeOffset date, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var utc = date.UtcDateTime;
        return $"{utc.ToString(culture.DateTimeFormat.LongDatePattern, culture)} {utc.ToString(culture.DateTimeFormat.ShortTimePattern, culture)} UTC";
    }
}
