using StackExchange.Redis;

namespace Comments.Api.Tests.Infrastructure;

/// <summary>
/// Every key of one database (SCAN) with its type and its whole content, so two snapshots can
/// prove that a request changed nothing anywhere in the store: not under the thread's prefix,
/// not in the site's status sets, audit or flood keys, not in a key nobody expected.
/// Left out: the per-address request window, which counts every attempt by design; the admin
/// numbers' day counters, which the event path writes a moment after an earlier, stored change
/// (a refused request makes no event, so it cannot count there); and the site's comment id
/// sequence, which a submission takes in its look-ups' round trip, before it can be refused for a
/// duplicate, a flood or its parent (a gap in the ids, as a database sequence leaves one for a
/// rolled-back insert; ids order comments and were never contiguous).
/// </summary>
public sealed class KeyspaceSnapshot
{
    private readonly SortedDictionary<string, string> _keys;

    private KeyspaceSnapshot(SortedDictionary<string, string> keys) => _keys = keys;

    public int Count => _keys.Count;

    /// <summary>Every key with its type and content, as compared by <see cref="DifferencesFrom"/>.</summary>
    public IReadOnlyDictionary<string, string> Entries => _keys;

    /// <summary>The prefix of <c>RedisKeys.RequestWindow</c>.</summary>
    private const string RequestWindowPrefix = "c:rate:";

    /// <summary>The end of <c>RedisKeys.Sequence</c> (<c>c:{site}:seq</c>; the audit's is <c>…:audit:seq</c>).</summary>
    private const string SequenceSuffix = "}:seq";

    public static async Task<KeyspaceSnapshot> TakeAsync(IConnectionMultiplexer store, int database)
    {
        var db = store.GetDatabase(database);
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var key in StoreScan.KeysAsync(store, database, "*", pageSize: 1000))
        {
            // The per-address post window counts every attempt, refused ones too (a rate limit counts
            // requests, and it lives in the store so it holds across nodes): bookkeeping, not data.
            if (key.ToString().StartsWith(RequestWindowPrefix, StringComparison.Ordinal)) continue;
            if (key.ToString().Contains("}:stats:", StringComparison.Ordinal)) continue;
            if (key.ToString().EndsWith(SequenceSuffix, StringComparison.Ordinal)) continue;
            keys[key!] = await ContentAsync(db, key);
        }
        return new KeyspaceSnapshot(keys);
    }

    /// <summary>The keys added, removed or changed since <paramref name="before"/>, one line each; empty when nothing changed.</summary>
    public IReadOnlyList<string> DifferencesFrom(KeyspaceSnapshot before)
    {
        var differences = new List<string>();
        foreach (var (key, content) in _keys)
        {
            if (!before._keys.TryGetValue(key, out var old)) differences.Add($"added {key} = {Clip(content)}");
            else if (old != content) differences.Add($"changed {key}: {Clip(old)} → {Clip(content)}");
        }
        differences.AddRange(before._keys.Keys.Where(k => !_keys.ContainsKey(k)).Select(k => $"removed {k}"));
        return differences;
    }

    private static async Task<string> ContentAsync(IDatabase db, RedisKey key)
    {
        var type = await db.KeyTypeAsync(key);
        return type switch
        {
            RedisType.String => "string " + await db.StringGetAsync(key),
            RedisType.Hash => "hash " + string.Join(", ", (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").Order(StringComparer.Ordinal)),
            RedisType.Set => "set " + string.Join(", ", (await db.SetMembersAsync(key)).Select(m => m.ToString()).Order(StringComparer.Ordinal)),
            RedisType.SortedSet => "zset " + string.Join(", ", (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => $"{e.Element}@{e.Score}")),
            RedisType.List => "list " + string.Join(", ", (await db.ListRangeAsync(key)).Select(m => m.ToString())),
            RedisType.None => "gone",
            _ => $"{type} (length {await db.ExecuteAsync("MEMORY", "USAGE", key)})",
        };
    }

    private static string Clip(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
