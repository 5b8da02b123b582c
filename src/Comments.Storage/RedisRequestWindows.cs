using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// One key per address, policy and window: INCR and EXPIRE sent together (one round trip, no MULTI/EXEC,
/// which cost a SELECT, a MULTI and an EXEC more per POST). The window's index is in the key, so were an
/// EXPIRE ever lost after its INCR, the key would only linger; no later window ever counts on it.
/// </summary>
public sealed class RedisRequestWindows(IConnectionMultiplexer redis, TimeProvider clock) : IRequestWindows
{
    public async Task<(long Count, TimeSpan Left)> CountAsync(string policy, string addressDigest, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        var index = now / length;
        var key = RedisKeys.RequestWindow(policy, addressDigest, index);
        var db = redis.GetDatabase();
        var count = db.StringIncrementAsync(key);
        var expire = db.KeyExpireAsync(key, window * 2);
        await Task.WhenAll(count, expire);
        return (await count, TimeSpan.FromMilliseconds((index + 1) * length - now));
    }
}
