using Comments.Core.Stats;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>One hash per site and day (HINCRBY per counter, one key so one slot); written and read back in one batch.</summary>
public sealed class RedisSiteStatsStore(IConnectionMultiplexer redis) : ISiteStatsStore
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(SiteStats.KeepDays);

    public async Task AddAsync(string site, DateOnly day, IReadOnlyDictionary<string, long> counters, CancellationToken ct = default)
    {
        if (counters.Count == 0) return;
        var key = RedisKeys.StatsDay(site, day);
        var batch = redis.GetDatabase().CreateBatch();
        var writes = counters.Select(c => (Task)batch.HashIncrementAsync(key, c.Key, c.Value)).Append(batch.KeyExpireAsync(key, Keep)).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
    }

    public async Task<IReadOnlyList<DayCounters>> DaysAsync(string site, DateOnly from, int days, CancellationToken ct = default)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var reads = Enumerable.Range(0, days).Select(i => from.AddDays(i))
            .Select(day => (Day: day, Read: batch.HashGetAllAsync(RedisKeys.StatsDay(site, day)))).ToList();
        batch.Execute();
        await Task.WhenAll(reads.Select(r => r.Read));
        return reads.Select(r => new DayCounters(r.Day,
            r.Read.Result.ToDictionary(e => (string)e.Name!, e => (long)e.Value, StringComparer.Ordinal))).ToList();
    }
}
