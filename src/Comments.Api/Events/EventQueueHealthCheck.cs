using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Comments.Api.Events;

/// <summary>
/// Degraded while live events are being dropped (a drop in the last few minutes): comments are
/// still stored and readable, but readers see them only at their next catch-up.
/// </summary>
public sealed class EventQueueHealthCheck(ChannelCommentEventPublisher publisher, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan RecentDrop = TimeSpan.FromMinutes(5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var dropped = publisher.Dropped;
        var description = $"{publisher.Queued} queued, {dropped} dropped since start";
        var data = new Dictionary<string, object> { ["queued"] = publisher.Queued, ["dropped"] = dropped };
        return Task.FromResult(publisher.LastDropAt is { } last && clock.GetUtcNow() - last < RecentDrop
            ? HealthCheckResult.Degraded($"Live events are being dropped (queue full): {description}. Readers catch up on reconnect.", data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
