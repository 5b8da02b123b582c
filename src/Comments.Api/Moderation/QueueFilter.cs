using System.Globalization;
using Comments.Api.Infrastructure;
using Comments.Core.Comments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>
/// What a moderator narrows a queue to: words in the text, the author's name or email, a reason code
/// (or its family: <c>model</c> matches <c>model.spam_link</c>), and a day range in UTC. Only moderators
/// reach this, so matching the email is allowed here and nowhere public.
/// </summary>
public sealed record QueueFilter(string? Text, string? Reason, DateOnly? From, DateOnly? To)
{
    public const int MaxTextLength = 200;

    /// <summary>How many comments one request reads at most while looking for matches; the next cursor continues the search.</summary>
    public const int ScanBudget = 2_000;

    public bool IsEmpty => Text is null && Reason is null && From is null && To is null;

    public static bool TryParse(string? q, string? reason, string? from, string? to, out QueueFilter filter, out ProblemHttpResult? problem)
    {
        filter = new QueueFilter(null, null, null, null);
        problem = null;
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text is { Length: > MaxTextLength })
        {
            problem = Problems.BadQuery("q", $"q is at most {MaxTextLength} characters.");
            return false;
        }
        var code = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (code is not null && (code.Length > 64 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            problem = Problems.BadQuery("reason", "reason is a reason code or its family, such as model.spam_link or model.");
            return false;
        }
        if (!TryParseDay(from, "from", out var fromDay, out problem) || !TryParseDay(to, "to", out var toDay, out problem)) return false;
        if (fromDay is { } f && toDay is { } t && f > t)
        {
            problem = Problems.BadQuery("to", "to is on or after from.");
            return false;
        }
        filter = new QueueFilter(text, code, fromDay, toDay);
        return true;
    }

    public bool Matches(Comment c)
    {
        if (From is { } from && c.CreatedAt.UtcDateTime < from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) return false;
        if (To is { } to && c.CreatedAt.UtcDateTime >= to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)) return false;
        if (Reason is { } reason && !c.Reasons.Any(r => IsOrIsIn(r.Code, reason))) return false;
        return Text is not { } text
            || Contains(c.Text, text) || Contains(c.AuthorName, text) || Contains(c.AuthorEmail, text);
    }

    private static bool IsOrIsIn(string code, string wanted) =>
        code.Equals(wanted, StringComparison.OrdinalIgnoreCase)
        || (code.Length > wanted.Length && code.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)
            && code[wanted.Length] is '.' or '_' && !wanted.EndsWith('.'))
        || (wanted.EndsWith('.') && code.StartsWith(wanted, StringComparison.OrdinalIgnoreCase));

    private static bool Contains(string? value, string text) =>
        value is not null && value.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseDay(string? raw, string field, out DateOnly? day, out ProblemHttpResult? problem)
    {
        day = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        problem = Problems.BadQuery(field, $"{field} is a day as yyyy-mm-dd (UTC).");
        return false;
    }
}
