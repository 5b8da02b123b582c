using System.Security.Cryptography;
using System.Text;
using Comments.Core.Engagement;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// <c>Engagement:TokenSecret</c> when configured (at least 32 characters); otherwise 32 random
/// bytes written once to the store with SET NX, so every node and every restart signs alike.
/// </summary>
public sealed class RedisServerSecret(IConnectionMultiplexer redis, IConfiguration configuration) : IServerSecret
{
    private readonly Lazy<byte[]> _key = new(() => Load(redis, configuration));

    public byte[] Key => _key.Value;

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
