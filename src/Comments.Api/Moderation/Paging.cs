using System.Globalization;
using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>Cursor and page size of the moderation lists.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryParse(string? cursor, string? limit, out long? after, out int size, out ProblemHttpResult? problem)
    {
        after = null;
        size = DefaultLimit;
        problem = null;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            problem = Problems.BadQuery("limit", $"limit is a whole number from 1 to {MaxLimit}.");
            return false;
        }
        if (cursor is not null)
        {
            if (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                problem = Problems.BadQuery("cursor", "A cursor is the 'nextCursor' of a page.");
                return false;
            }
            after = parsed;
        }
        return true;
    }

    public static string? Text(long? cursor) => cursor?.ToString(CultureInfo.InvariantCulture);
}
