using Comments.Api.Infrastructure;
using Comments.Api.Moderation;
using Comments.Api.Sites;
using Comments.Core.Moderation;
using Comments.Core.Stats;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Stats;

/// <summary>The numbers a site owner asks for, for admins: comments per day by decision, the held queue's age, spam caught, and how often moderators agree with the automatic holds.</summary>
public static class StatsApi
{
    public const int MaxDays = 366;

    public static void MapStatsEndpoints(this RouteGroupBuilder site)
    {
        site.MapGet("/stats", GetStats)
            .WithName("GetSiteStats")
            .WithSummary("Admins only: per UTC day the decisions at submission (published, pending, spam), reports and moderators' actions for ?days= (1–366, default 30), "
                + "the held queue's size and oldest comment, spam caught, and per reason family how often moderators confirmed or overturned the hold.")
            .AddEndpointFilter<AdminOnlyFilter>();
    }

    public static async Task<Results<Ok<SiteNumbers>, ProblemHttpResult>> GetStats(
        string? days, HttpContext http, ISiteStatsStore stats, IModerationStore moderation, TimeProvider clock, CancellationToken ct)
    {
        if (!Paging.TryParseLimit(days, 30, MaxDays, out var count, out _))
            return Problems.BadQuery("days", $"days is a whole number from 1 to {MaxDays}.");
        var site = SiteFilter.Site(http).Id;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var read = stats.DaysAsync(site, today.AddDays(1 - count), count, ct);
        var oldest = moderation.ListAsync(site, ModerationQueue.Pending, null, null, 1, ct);
        var counts = moderation.CountAsync(site, ct);
        var daysRead = await read;

        var perDay = daysRead.Select(d => new DayNumbers(d.Day, d["decision.published"], d["decision.pending"], d["decision.spam"], d["reported"],
            d.Counters.Where(c => c.Key.StartsWith("moderator.", StringComparison.Ordinal)).Sum(c => c.Value))).ToList();
        var agreement = daysRead.SelectMany(d => d.Counters)
            .Where(c => c.Key.StartsWith("confirmed.", StringComparison.Ordinal) || (c.Key.StartsWith("overturned.", StringComparison.Ordinal) && c.Key != SiteStats.OverturnedPublished))
            .GroupBy(c => c.Key[(c.Key.IndexOf('.') + 1)..], StringComparer.Ordinal)
            .Select(g =>
            {
                var confirmed = g.Where(c => c.Key.StartsWith("confirmed.", StringComparison.Ordinal)).Sum(c => c.Value);
                var overturned = g.Where(c => c.Key.StartsWith("overturned.", StringComparison.Ordinal)).Sum(c => c.Value);
                return new ReasonAgreement(g.Key, confirmed, overturned, confirmed + overturned == 0 ? null : Math.Round((double)confirmed / (confirmed + overturned), 3));
            })
            .OrderByDescending(a => a.Confirmed + a.Overturned).ThenBy(a => a.Reason, StringComparer.Ordinal).ToList();
        var first = (await oldest).Comments.FirstOrDefault();
        var held = new HeldQueue((await counts).Pending, first?.CreatedAt, first is null ? null : (long)(now - first.CreatedAt).TotalSeconds);
        return TypedResults.Ok(new SiteNumbers(site, count, perDay, held, perDay.Sum(d => d.Spam),
            daysRead.Sum(d => d[SiteStats.OverturnedPublished]), agreement));
    }

}

/// <param name="Days">How many days <see cref="PerDay"/> covers, ending today (UTC).</param>
/// <param name="OverturnedPublished">Published comments that moderators then rejected, marked spam or deleted.</param>
public sealed record SiteNumbers(string Site, int Days, IReadOnlyList<DayNumbers> PerDay, HeldQueue Held, long SpamCaught,
    long OverturnedPublished, IReadOnlyList<ReasonAgreement> Agreement);

public sealed record DayNumbers(DateOnly Day, long Published, long Pending, long Spam, long Reported, long ModeratorActions);

/// <param name="OldestAgeSeconds">How long the oldest held comment has waited; null when nothing waits.</param>
public sealed record HeldQueue(long Pending, DateTimeOffset? OldestAt, long? OldestAgeSeconds);

/// <param name="Agreement">Confirmed ÷ (confirmed + overturned); null when moderators have not judged any.</param>
public sealed record ReasonAgreement(string Reason, long Confirmed, long Overturned, double? Agreement);
