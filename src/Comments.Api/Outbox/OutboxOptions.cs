using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Outbox;

/// <summary>The <c>Outbox</c> section: how the background worker claims, retries and gives up.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often an idle worker looks for due items, per node.</summary>
    [Range(10, 60_000)] public int PollMilliseconds { get; set; } = 250;
    /// <summary>How long a claim lasts: a node that died holding an item lets another take it after this.</summary>
    [Range(5, 3600)] public int LeaseSeconds { get; set; } = 60;
    /// <summary>Claims of one item before it moves to the dead-letter list.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;
    /// <summary>The first retry's delay; each further retry waits twice as long, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0.01, 3600)] public double RetryBaseSeconds { get; set; } = 5;
    [Range(0.01, 86_400)] public double RetryMaxSeconds { get; set; } = 3600;
    /// <summary>Items claimed at once per site.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 20;

    public TimeSpan Backoff(long attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
