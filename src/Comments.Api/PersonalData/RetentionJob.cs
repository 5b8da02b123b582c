using System.ComponentModel.DataAnnotations;
using Comments.Core.PersonalData;
using Comments.Core.Sites;
using Microsoft.Extensions.Options;

namespace Comments.Api.PersonalData;

/// <summary>The <c>PersonalData</c> section.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Minutes between two runs of the retention purge (each site's <c>RetainPersonalDataDays</c>). Fractions allowed.</summary>
    [Range(0.001, 10_080)]
    public double RetentionCheckMinutes { get; set; } = 60;
}

/// <summary>
/// Purges IPs, user agents and emails older than each site's <c>RetainPersonalDataDays</c> (0 keeps
/// them), at start and then every <see cref="PersonalDataOptions.RetentionCheckMinutes"/>. Every node
/// runs it; a purge is idempotent and conditioned per comment, so two nodes at once do no harm.
/// A failed run (the store away) is logged and tried again at the next tick.
/// </summary>
public sealed partial class RetentionJob(
    SiteDirectory sites, IPersonalDataRetention retention, IOptions<PersonalDataOptions> options, TimeProvider clock, ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sites.All.Any(s => s.RetainPersonalDataDays > 0)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes), clock);
        do
        {
            foreach (var site in sites.All.Where(s => s.RetainPersonalDataDays > 0))
            {
                try
                {
                    var purged = await retention.PurgeAsync(site.Id, clock.GetUtcNow() - TimeSpan.FromDays(site.RetainPersonalDataDays), stoppingToken);
                    if (purged > 0) Purged(site.Id, purged);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(e, site.Id);
                }
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Retention: purged personal data of {Count} comments on {Site}")]
    private partial void Purged(string site, int count);

    [LoggerMessage(LogLevel.Warning, "Retention run failed on {Site}; trying again at the next run")]
    private partial void Failed(Exception e, string site);
}
