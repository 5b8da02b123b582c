using System.Text.Json;
using Comments.Core.Outbox;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The outbox over plain sorted sets and hashes (no Streams: Garnet has none). Per site:
/// <c>outbox</c> (id → due ms, or a claim's lease end), <c>outbox-items</c> (id → JSON),
/// <c>outbox-attempts</c> (id → claims), <c>outbox-sent</c> (message id → sent ms), <c>outbox-dead</c>.
/// A claim moves the item's score from its due time to the lease's end in a transaction conditioned on
/// the score it read, so of two nodes that read the same due item exactly one wins it; every later write
/// by the claimer is conditioned on its lease score, so a node whose lease ran out changes nothing.
/// </summary>
public sealed class RedisOutbox(IConnectionMultiplexer redis) : IOutbox
{
    /// <summary>Sent message ids are kept this long: longer than any retry schedule.</summary>
    public static readonly TimeSpan SentMemory = TimeSpan.FromDays(7);
    private const int DeadLetterKeep = 1_000;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Adds an item inside someone else's transaction (the change that causes it); NX on both keys, so a queued item is never reset.</summary>
    public static void Add(ITransaction tx, OutboxItem item, DateTimeOffset due)
    {
        _ = tx.HashSetAsync(RedisKeys.OutboxItems(item.Site), item.Id, Serialize(item), When.NotExists);
        _ = tx.SortedSetAddAsync(RedisKeys.Outbox(item.Site), item.Id, due.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists);
    }

    /// <summary>What <see cref="IOutboxTrigger"/>s want written for a newly published comment, inside the store's transaction.</summary>
    internal static void AddPublished(ITransaction tx, IEnumerable<IOutboxTrigger> triggers, Core.Comments.Comment comment)
    {
        foreach (var trigger in triggers)
            foreach (var item in trigger.OnPublished(comment))
                Add(tx, item, DateTimeOffset.UtcNow);
    }

    /// <summary>What <see cref="IOutboxTrigger"/>s want written for a held / reported / decided comment, inside the store's transaction.</summary>
    internal static void AddModeration(ITransaction tx, IEnumerable<IOutboxTrigger>? triggers, ModerationEvent? e)
    {
        if (triggers is null || e is null) return;
        foreach (var trigger in triggers)
            foreach (var item in trigger.OnModeration(e))
                Add(tx, item, DateTimeOffset.UtcNow);
    }

    public async Task EnqueueAsync(OutboxItem item, DateTimeOffset due, CancellationToken ct = default)
    {
        var tx = redis.NewTransaction();
        Add(tx, item, due);
        await tx.ExecuteGatedAsync();
    }

    public async Task<IReadOnlyList<ClaimedItem>> ClaimDueAsync(string site, DateTimeOffset now, TimeSpan lease, int max, CancellationToken ct = default)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var due = await Db.SortedSetRangeByScoreWithScoresAsync(RedisKeys.Outbox(site), double.NegativeInfinity, nowMs, take: max);
        if (due.Length == 0) return [];
        var leaseEnd = (double)(nowMs + (long)lease.TotalMilliseconds);
        var claims = new List<(SortedSetEntry Entry, Task<bool> Won, Task<RedisValue> Item, Task<long> Attempts)>();
        foreach (var entry in due)
        {
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.SortedSetEqual(RedisKeys.Outbox(site), entry.Element, entry.Score));
            _ = tx.SortedSetAddAsync(RedisKeys.Outbox(site), entry.Element, leaseEnd);
            var attempts = tx.HashIncrementAsync(RedisKeys.OutboxAttempts(site), entry.Element);
            var item = tx.HashGetAsync(RedisKeys.OutboxItems(site), entry.Element);
            claims.Add((entry, tx.ExecuteGatedAsync(), item, attempts));
        }
        var won = new List<ClaimedItem>();
        foreach (var (entry, executed, item, attempts) in claims)
        {
            if (!await executed) continue;
            var raw = await item;
            if (raw.IsNullOrEmpty)
            {
                // An id without its item (cannot happen through this class): drop it rather than spin on it.
                await Db.SortedSetRemoveAsync(RedisKeys.Outbox(site), entry.Element);
                continue;
            }
            won.Add(new ClaimedItem(Deserialize(raw)!, leaseEnd, await attempts));
        }
        return won;
    }

    public async Task<bool> CompleteAsync(ClaimedItem claimed)
    {
        var (site, id) = (claimed.Item.Site, claimed.Item.Id);
        var tx = Leased(claimed);
        _ = tx.SortedSetRemoveAsync(RedisKeys.Outbox(site), id);
        _ = tx.HashDeleteAsync(RedisKeys.OutboxItems(site), id);
        _ = tx.HashDeleteAsync(RedisKeys.OutboxAttempts(site), id);
        return await tx.ExecuteGatedAsync();
    }

    public async Task<bool> RetryAsync(ClaimedItem claimed, DateTimeOffset due)
    {
        var tx = Leased(claimed);
        _ = tx.SortedSetAddAsync(RedisKeys.Outbox(claimed.Item.Site), claimed.Item.Id, due.ToUnixTimeMilliseconds());
        return await tx.ExecuteGatedAsync();
    }

    public async Task<bool> DeadLetterAsync(ClaimedItem claimed, string error, DateTimeOffset now)
    {
        var (site, id) = (claimed.Item.Site, claimed.Item.Id);
        var letter = JsonSerializer.Serialize(new DeadLetter(claimed.Item, claimed.Attempts, error, now), OutboxJson.Default.DeadLetter);
        var tx = Leased(claimed);
        _ = tx.SortedSetRemoveAsync(RedisKeys.Outbox(site), id);
        _ = tx.HashDeleteAsync(RedisKeys.OutboxItems(site), id);
        _ = tx.HashDeleteAsync(RedisKeys.OutboxAttempts(site), id);
        _ = tx.ListLeftPushAsync(RedisKeys.OutboxDead(site), letter);
        _ = tx.ListTrimAsync(RedisKeys.OutboxDead(site), 0, DeadLetterKeep - 1);
        return await tx.ExecuteGatedAsync();
    }

    public async Task<bool> WasSentAsync(string site, string messageId) =>
        await Db.SortedSetScoreAsync(RedisKeys.OutboxSent(site), messageId) is not null;

    public async Task MarkSentAsync(string site, string messageId, DateTimeOffset at)
    {
        var batch = Db.CreateBatch();
        var added = batch.SortedSetAddAsync(RedisKeys.OutboxSent(site), messageId, at.ToUnixTimeMilliseconds());
        var trimmed = batch.SortedSetRemoveRangeByScoreAsync(RedisKeys.OutboxSent(site), double.NegativeInfinity, (at - SentMemory).ToUnixTimeMilliseconds());
        batch.Execute();
        await Task.WhenAll(added, trimmed);
    }

    public Task<long> DepthAsync(string site) => Db.SortedSetLengthAsync(RedisKeys.Outbox(site));

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string site, int limit)
    {
        var values = await Db.ListRangeAsync(RedisKeys.OutboxDead(site), 0, limit - 1);
        return values.Select(v => JsonSerializer.Deserialize((string)v!, OutboxJson.Default.DeadLetter)!).ToList();
    }

    private ITransaction Leased(ClaimedItem claimed)
    {
        var tx = redis.NewTransaction();
        tx.AddCondition(Condition.SortedSetEqual(RedisKeys.Outbox(claimed.Item.Site), claimed.Item.Id, claimed.Lease));
        return tx;
    }

    private static string Serialize(OutboxItem item) => JsonSerializer.Serialize(item, OutboxJson.Default.OutboxItem);

    private static OutboxItem? Deserialize(RedisValue value) => JsonSerializer.Deserialize((string)value!, OutboxJson.Default.OutboxItem);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(OutboxItem))]
[System.Text.Json.Serialization.JsonSerializable(typeof(DeadLetter))]
internal sealed partial class OutboxJson : System.Text.Json.Serialization.JsonSerializerContext;
