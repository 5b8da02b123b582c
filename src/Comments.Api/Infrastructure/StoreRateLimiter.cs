using System.Threading.RateLimiting;
using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Api.Infrastructure;

/// <summary>
/// A fixed-window limiter whose count lives in the store (<see cref="IRequestWindows"/>), so one address
/// has one allowance across every node behind a load balancer. The rate-limiting middleware first tries
/// <see cref="AttemptAcquireCore"/>, which cannot reach the store and declines, then awaits
/// <see cref="AcquireAsyncCore"/>. A store that does not answer lets the request through: the request
/// itself then meets the store's 503.
/// </summary>
public sealed class StoreRateLimiter(IRequestWindows windows, StoreDigests digests, string policy, string address, int permitsPerMinute) : RateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        try
        {
            await digests.ReadyAsync(cancellationToken);
            var (count, left) = await windows.CountAsync(policy, digests.Address(address), Window, cancellationToken);
            return count <= permitsPerMinute ? Lease.Acquired : new Lease(false, left);
        }
        catch (Exception e) when (e is RedisException or ServerSecretUnavailableException)
        {
            return Lease.Acquired;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
