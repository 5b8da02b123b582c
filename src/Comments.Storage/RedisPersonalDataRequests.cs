using Comments.Core.Outbox;
using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>A marker per address digest (no address) that expires after the interval, written with the outbox item in one transaction.</summary>
public sealed class RedisPersonalDataRequests(IConnectionMultiplexer redis) : IPersonalDataRequests
{
    public async Task<bool> RequestAsync(string site, string emailDigest, OutboxItem mail, TimeSpan interval, DateTimeOffset now, CancellationToken ct = default)
    {
        var marker = RedisKeys.PersonalDataLinkSent(site, emailDigest);
        var tx = redis.GetDatabase().CreateTransaction();
        tx.AddCondition(Condition.KeyNotExists(marker));
        _ = tx.StringSetAsync(marker, 1, interval);
        RedisOutbox.Add(tx, mail, now);
        return await tx.ExecuteAsync();
    }
}
