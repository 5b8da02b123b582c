namespace Comments.Core.Storage;

/// <summary>
/// Fixed request windows kept in the store, so a per-address limit holds for every node behind a
/// load balancer together, not for each node on its own.
/// </summary>
public interface IRequestWindows
{
    /// <summary>Counts one request of <paramref name="addressDigest"/> under <paramref name="policy"/> in the current window of
    /// <paramref name="window"/>; returns the requests counted in it so far (this one included) and the time until it ends.</summary>
    Task<(long Count, TimeSpan Left)> CountAsync(string policy, string addressDigest, TimeSpan window, CancellationToken ct = default);
}
