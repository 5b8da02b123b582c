using Comments.Core.Moderation;
using Comments.Core.Outbox;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Alert batches over plain keys with the site's hash tag (one cluster slot): the open batch's entries, its
/// token, the last seal's time, and each sealed batch until its mail went. Opening a batch (token + first
/// entry + the mail's outbox item) and sealing it (RENAME of the entries + dropping the token) are each one
/// transaction conditioned on the token read, so an entry lands in exactly one batch.
/// </summary>
public sealed class RedisModeratorAlerts(IConnectionMultiplexer redis) : IModeratorAlertStore
{
    /// <summary>A sealed batch whose mail never went (dead-lettered) is dropped after this.</summary>
    private static readonly TimeSpan SealedMemory = TimeSpan.FromDays(8);
    private const int MaxAttempts = 16;

    private IDatabase Db => redis.GetDatabase();

    public async Task AddAsync(string site, string moderator, string entry, DateTimeOffset now, Func<DateTimeOffset?, DateTimeOffset> due,
        Func<string, OutboxItem> mail, CancellationToken ct = default)
    {
        var openKey = RedisKeys.AlertOpen(site, moderator);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var batch = Db.CreateBatch();
            var open = batch.StringGetAsync(openKey);
            var last = batch.StringGetAsync(RedisKeys.AlertLast(site, moderator));
            batch.Execute();
            var token = (string?)await open;
            var tx = redis.NewTransaction();
            if (token is null)
            {
                tx.AddCondition(Condition.KeyNotExists(openKey));
                var fresh = Guid.NewGuid().ToString("N");
                _ = tx.StringSetAsync(openKey, fresh);
                var lastAt = (await last) is { IsNull: false } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : (DateTimeOffset?)null;
                RedisOutbox.Add(tx, mail(fresh), due(lastAt));
            }
            else
            {
                tx.AddCondition(Condition.StringEqual(openKey, token));
            }
            _ = tx.SortedSetAddAsync(RedisKeys.AlertBatch(site, moderator), entry, now.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists);
            if (await tx.ExecuteGatedAsync()) return;
        }
        throw new RedisServerException(RedisErrorKind.TryAgain, CommandFlags.None, $"TRYAGAIN the alert batch kept changing {MaxAttempts} times");
    }

    public async Task<IReadOnlyList<string>> SealAsync(string site, string moderator, string batch, DateTimeOffset now, CancellationToken ct = default)
    {
        var sealedKey = RedisKeys.AlertSealed(site, batch);
        var openKey = RedisKeys.AlertOpen(site, moderator);
        var entries = RedisKeys.AlertBatch(site, moderator);
        for (var attempt = 0; !await Db.KeyExistsAsync(sealedKey); attempt++)
        {
            // Not open any more and not sealed: sealed, sent and forgotten before (this is a retry after the send).
            if ((string?)await Db.StringGetAsync(openKey) != batch) return [];
            if (attempt == MaxAttempts)
                throw new RedisServerException(RedisErrorKind.TryAgain, CommandFlags.None, $"TRYAGAIN the alert batch kept changing {MaxAttempts} times");
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.StringEqual(openKey, batch));
            tx.AddCondition(Condition.KeyExists(entries));
            _ = tx.KeyRenameAsync(entries, sealedKey);
            _ = tx.KeyExpireAsync(sealedKey, SealedMemory);
            _ = tx.KeyDeleteAsync(openKey);
            _ = tx.StringSetAsync(RedisKeys.AlertLast(site, moderator), now.ToUnixTimeMilliseconds());
            // Aborted by an entry added meanwhile (it joins this batch): read again.
            if (await tx.ExecuteGatedAsync()) break;
        }
        return (await Db.SortedSetRangeByRankAsync(sealedKey)).Select(v => (string)v!).ToList();
    }

    public Task ForgetAsync(string site, string batch, CancellationToken ct = default) =>
        Db.KeyDeleteAsync(RedisKeys.AlertSealed(site, batch));
}
