using System.Text.Json;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

public sealed class RedisSubmissionGuards(IConnectionMultiplexer redis, TimeProvider clock) : ISubmissionGuards
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<SubmissionAnswer?> FindAnswerAsync(string site, string idempotencyKey, CancellationToken ct = default)
    {
        var value = await Db.StringGetAsync(RedisKeys.Idempotency(site, idempotencyKey));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.SubmissionAnswer);
    }

    public async Task<Ban?> FindBanAsync(string site, string? emailDigest, string ip, string? nameKey, CancellationToken ct = default)
    {
        var fields = new List<RedisValue> { Field(BanKind.Ip, ip) };
        if (emailDigest is not null) fields.Add(Field(BanKind.Email, emailDigest));
        if (nameKey is not null) fields.Add(Field(BanKind.Name, nameKey));
        var values = await Db.HashGetAsync(RedisKeys.Bans(site), fields.ToArray());
        var now = clock.GetUtcNow();
        foreach (var value in values)
        {
            if (value.IsNullOrEmpty) continue;
            var ban = JsonSerializer.Deserialize((string)value!, StorageJson.Default.Ban);
            if (ban is not null && (ban.ExpiresAt is null || ban.ExpiresAt > now)) return ban;
        }
        return null;
    }

    public Task AddBanAsync(string site, Ban ban, CancellationToken ct = default) =>
        Db.HashSetAsync(RedisKeys.Bans(site), Field(ban.Kind, ban.Value), JsonSerializer.Serialize(ban, StorageJson.Default.Ban));

    public Task RemoveBanAsync(string site, BanKind kind, string value, CancellationToken ct = default) =>
        Db.HashDeleteAsync(RedisKeys.Bans(site), Field(kind, value));

    public async Task<IReadOnlyList<Ban>> ListBansAsync(string site, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var bans = (await Db.HashGetAllAsync(RedisKeys.Bans(site)))
            .Select(entry => JsonSerializer.Deserialize((string)entry.Value!, StorageJson.Default.Ban))
            .OfType<Ban>()
            .ToList();
        var expired = bans.Where(b => b.ExpiresAt <= now).Select(b => (RedisValue)Field(b.Kind, b.Value)).ToArray();
        if (expired.Length > 0) await Db.HashDeleteAsync(RedisKeys.Bans(site), expired);
        return bans.Where(b => !(b.ExpiresAt <= now)).OrderByDescending(b => b.At ?? DateTimeOffset.MinValue).ToList();
    }

    public Task<TimeSpan?> FloodWaitAsync(string site, IReadOnlyCollection<string> keys, CancellationToken ct = default) =>
        FloodWaitAsync(Db, site, keys);

    /// <summary>The longest time to live of the site's flood keys (one PTTL each, sent together), or null when none is open.</summary>
    internal static async Task<TimeSpan?> FloodWaitAsync(IDatabaseAsync db, string site, IEnumerable<string> keys)
    {
        var ttls = keys.Select(k => db.KeyTimeToLiveAsync(RedisKeys.Flood(site, k))).ToArray();
        TimeSpan? longest = null;
        foreach (var ttl in ttls)
        {
            if (await ttl is { } left && left > (longest ?? TimeSpan.Zero)) longest = left;
        }
        return longest;
    }

    public Task<bool> IsDuplicateAsync(string site, string threadId, string textDigest, CancellationToken ct = default) =>
        Db.SetContainsAsync(RedisKeys.ThreadDigests(site, threadId), textDigest);

    private static string Field(BanKind kind, string value) => Ban.IdOf(kind, value);
}
