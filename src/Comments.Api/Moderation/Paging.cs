using System.Globalization;
using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// The one parser of page sizes and cursors in a query: the readers' thread pages, the recent feed
/// and the moderation lists. A cursor is a whole number the previous page handed out.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The moderation lists: <c>?cursor=&amp;limit=</c>.</summary>
    public static bool TryParse(string? cursor, string? limit, out long? after, out int size, out ProblemHttpResult? problem)
    {
        after = null;
        return TryParseLimit(limit, DefaultLimit, MaxLimit, out size, out problem)
            && TryParseCursor(cursor, "cursor", "A cursor is the 'nextCursor' of a page.", out after, out problem);
    }

    /// <summary><c>limit</c>: a whole number from 1 to <paramref name="max"/>; absent, <paramref name="fallback"/>.</summary>
    public static bool TryParseLimit(string? limit, int fallback, int max, out int size, out ProblemHttpResult? problem)
    {
        size = fallback;
        problem = null;
        if (limit is null) return true;
        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 && size <= max) return true;
        problem = Problems.BadQuery("limit", $"limit is a whole number from 1 to {max}.");
        return false;
    }

    /// <summary>A cursor named <paramref name="field"/>: absent (null) or a whole number.</summary>
    public static bool TryParseCursor(string? raw, string field, string message, out long? position, out ProblemHttpResult? problem)
    {
        position = null;
        problem = null;
        if (raw is null) return true;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            position = parsed;
            return true;
        }
        problem = Problems.BadQuery(field, message);
        return false;
    }

    public static string? Text(long? cursor) => cursor?.ToString(CultureInfo.InvariantCulture);
}
