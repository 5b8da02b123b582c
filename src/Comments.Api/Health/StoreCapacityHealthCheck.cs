using Comments.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Comments.Api.Health;

/// <summary>
/// The embedded store holds its log in memory up to <see cref="StorageOptions.EmbeddedCapacity"/>.
/// Degraded from the warning level on (still serving, so a load balancer keeps it), with the share
/// used and what to do; at 100% it says that new comments are refused.
/// </summary>
public sealed class StoreCapacityHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(services.GetService<EmbeddedCapacity>() is { Limited: true } capacity
            ? Check(capacity.Read())
            : HealthCheckResult.Healthy("No capacity limit here (an external Redis, or the embedded store's storage tier)."));

    private static HealthCheckResult Check(StoreUsage usage)
    {
        if (usage.IsFull)
            return HealthCheckResult.Degraded($"The embedded store is full, {usage.Describe()}: new comments are refused (507). " +
                "Raise Storage:EmbeddedCapacity and restart, or move to Redis.");
        return usage.IsNearlyFull
            ? HealthCheckResult.Degraded($"The embedded store is at {usage.Describe()}: at 100% new comments are refused (507). " +
                "Raise Storage:EmbeddedCapacity and restart, or move to Redis.")
            : HealthCheckResult.Healthy($"The embedded store is at {usage.Describe()}.");
    }
}
