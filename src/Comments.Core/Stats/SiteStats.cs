using Comments.Core.Comments;
using Comments.Core.Events;

namespace Comments.Core.Stats;

/// <summary>One day's counters of a site: decisions at submission, moderators' actions, and how moderators judged the automatic holds.</summary>
public sealed record DayCounters(DateOnly Day, IReadOnlyDictionary<string, long> Counters)
{
    public long this[string counter] => Counters.TryGetValue(counter, out var n) ? n : 0;
}

/// <summary>Per-site daily counters, kept for <see cref="SiteStats.KeepDays"/> days.</summary>
public interface ISiteStatsStore
{
    /// <summary>Adds each counter's amount to the site's day.</summary>
    Task AddAsync(string site, DateOnly day, IReadOnlyDictionary<string, long> counters, CancellationToken ct = default);

    /// <summary>The days from <paramref name="from"/> on, <paramref name="days"/> of them, oldest first; a day with nothing counted has no counters.</summary>
    Task<IReadOnlyList<DayCounters>> DaysAsync(string site, DateOnly from, int days, CancellationToken ct = default);
}

/// <summary>
/// What one event adds to the site's numbers. A new comment counts under its decision
/// (<c>decision.published|pending|spam</c>). A moderator's change of status counts the action
/// (<c>moderator.&lt;new status&gt;</c>) and, for a comment the rules or the model had held, whether the
/// moderator agreed, by the family of each reason that held it: <c>confirmed.model.spam</c> when it
/// is rejected, marked spam or deleted; <c>overturned.model.spam</c> when it is published. A published
/// comment that a moderator removes counts <c>overturned.published</c> (the automatic decision let it
/// through). A reader report reaching the threshold counts <c>reported</c>.
/// </summary>
public static class SiteStats
{
    public const int KeepDays = 400;
    public const string OverturnedPublished = "overturned.published";

    public static IReadOnlyList<string> CountersOf(CommentEvent e)
    {
        var after = e.Comment;
        switch (e.Source)
        {
            case CommentEventSource.Submission when e.Kind is CommentEventKind.Published or CommentEventKind.Held:
                return ["decision." + Name(after.Status)];
            case CommentEventSource.Reader when e.Kind == CommentEventKind.Reported:
                return ["reported"];
            case CommentEventSource.Moderator when e.Before is { } before && before.Status != after.Status:
                var counters = new List<string> { "moderator." + Name(after.Status) };
                var removed = after.Status is CommentStatus.Rejected or CommentStatus.Spam or CommentStatus.Deleted;
                if (before.Status is CommentStatus.Pending or CommentStatus.Spam)
                {
                    var verdict = after.Status == CommentStatus.Published ? "overturned." : removed ? "confirmed." : null;
                    if (verdict is not null)
                        counters.AddRange(before.Reasons.Select(r => Family(r.Code)).Where(f => f is not null).Distinct().Select(f => verdict + f));
                }
                else if (before.Status == CommentStatus.Published && removed)
                {
                    counters.Add(OverturnedPublished);
                }
                return counters;
            default:
                return [];
        }
    }

    /// <summary>
    /// The family a reason belongs to for agreement: the model's and the lists' codes without their
    /// variant (<c>model.spam_link</c> → <c>model.spam</c>), the others as they are; null for notes
    /// that held nothing (a trusted author's skipped hold, an eased score, an import).
    /// </summary>
    public static string? Family(string code)
    {
        if (code.StartsWith("import.", StringComparison.Ordinal) || code.StartsWith("trust.", StringComparison.Ordinal)
            || code is "policy.reported_abuse" or "policy.profanity_allowed" or "policy.identity_words")
            return null;
        if (code.StartsWith("model.", StringComparison.Ordinal) || code.StartsWith("signal.", StringComparison.Ordinal)
            || code.StartsWith("policy.", StringComparison.Ordinal))
        {
            var cut = code.IndexOf('_');
            return cut < 0 ? code : code[..cut];
        }
        return code.StartsWith("ban.", StringComparison.Ordinal) ? "ban" : code;
    }

    private static string Name(CommentStatus status) => status.ToLowerName();
}
