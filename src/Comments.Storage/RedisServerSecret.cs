using System.Security.Cryptography;
using System.Text;
using Comments.Core.Engagement;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// <c>Engagement:TokenSecret</c> when configured (at least 32 characters); otherwise 32 random
/// bytes written once to the store with SET NX, so every node and every restart signs alike.
/// Loaded at start (<see cref="StorageWarmup"/>); a failed load is not kept (a <c>Lazy</c> would keep
/// its exception and turn one store timeout into a 503 on every later request): the next use tries again.
/// </summary>
public sealed class RedisServerSecret(IConnectionMultiplexer redis, IConfiguration configuration) : IServerSecret
{
    private volatile byte[]? _key;

    // Two first uses at once both load the same value (SET NX, then GET), so no lock is needed.
    public byte[] Key => _key ??= Load(redis, configuration);

    private static byte[] Load(IConnectionMultiplexer redis, IConfiguration configuration)
    {
        if (configuration["Engagement:TokenSecret"] is { Length: > 0 } configured)
        {
            if (configured.Length < 32) throw new InvalidOperationException("Engagement:TokenSecret must be at least 32 characters.");
            return Encoding.UTF8.GetBytes(configured);
        }
        var db = redis.GetDatabase();
        db.StringSet(RedisKeys.ServerSecret(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), when: When.NotExists);
        return Convert.FromBase64String(db.StringGet(RedisKeys.ServerSecret())!);
    }
}
