using Microsoft.Extensions.Options;
using Comments.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Comments.Api.Health;

/// <summary>
/// The embedded store writes to the data folder: a full disk would read Healthy until the first
/// write failed. Degraded below <see cref="StorageOptions.MinFreeDiskMegabytes"/>, with the free space
/// (never the path) in the reason. With an external Redis its disk is not ours to see.
/// </summary>
public sealed class DiskSpaceHealthCheck(IOptions<StorageOptions> storage, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
            return Task.FromResult(HealthCheckResult.Healthy("The store is an external Redis; its disk is watched there."));
        try
        {
            var free = new DriveInfo(Path.GetFullPath(storage.Value.DataDir)).AvailableFreeSpace / (1024 * 1024);
            return Task.FromResult(free < storage.Value.MinFreeDiskMegabytes
                ? HealthCheckResult.Degraded($"The data folder's disk has {free} MB free (below {storage.Value.MinFreeDiskMegabytes} MB): writes will soon fail.")
                : HealthCheckResult.Healthy($"{free} MB free on the data folder's disk"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The free space of the data folder's disk cannot be read."));
        }
    }
}
