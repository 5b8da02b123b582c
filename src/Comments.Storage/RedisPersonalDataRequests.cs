using Comments.Core.Outbox;
using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>At most one link per address per interval (<see cref="RedisMailInterval"/>).</summary>
public sealed class RedisPersonalDataRequests(IConnectionMultiplexer redis) : IPersonalDataRequests
{
    public Task<bool> RequestAsync(string site, string emailDigest, OutboxItem mail, TimeSpan interval, DateTimeOffset now, CancellationToken ct = default) =>
        RedisMailInterval.QueueAsync(redis.GetDatabase(), RedisKeys.PersonalDataLinkSent(site, emailDigest), interval, mail, now);
}
