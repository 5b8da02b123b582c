using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>One key per address, policy and window (INCR and EXPIRE in one transaction on that one key).</summary>
public sealed class RedisRequestWindows(IConnectionMultiplexer redis, TimeProvider clock) : IRequestWindows
{
    public async Task<(long Count, TimeSpan Left)> CountAsync(string policy, string addressDigest, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        var index = now / length;
        var key = RedisKeys.RequestWindow(policy, addressDigest, index);
        var tx = redis.GetDatabase().CreateTransaction();
        var count = tx.StringIncrementAsync(key);
        _ = tx.KeyExpireAsync(key, window * 2);
        await tx.ExecuteAsync();
        return (await count, TimeSpan.FromMilliseconds((index + 1) * length - now));
    }
}
