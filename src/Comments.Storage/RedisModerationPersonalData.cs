using System.Text.Json;
using System.Text.Json.Nodes;
using Comments.Core.Moderation;
using Comments.Core.PersonalData;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The moderators' record of the person's comments: audit entries (which hold the comment's text
/// before and after an action, never a name, email or IP) and training labels (text only). Erasure
/// with the text kept changes nothing here; with the text deleted it rewrites each entry without its
/// texts (in both audit indexes, one transaction per entry) and drops the comments' labels, so a
/// label export no longer carries them.
/// </summary>
public sealed class RedisAuditPersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public string Section => "audit";
    public int EraseOrder => 30;

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default)
    {
        var items = new JsonArray();
        foreach (var (_, entry) in await EntriesAsync(subject))
            items.Add(JsonSerializer.SerializeToNode(entry, ModerationStorageJson.Default.AuditEntry));
        return items;
    }

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        if (policy == ErasedTextPolicy.Keep) return ErasedPart.None(Section);
        var db = redis.GetDatabase();
        var count = 0;
        foreach (var (raw, entry) in await EntriesAsync(subject))
        {
            if (entry.Before?.Text is null && entry.After?.Text is null) continue;
            var scrubbed = entry with { Before = entry.Before is { } b ? b with { Text = null } : null, After = entry.After is { } a ? a with { Text = null } : null };
            var json = JsonSerializer.Serialize(scrubbed, ModerationStorageJson.Default.AuditEntry);
            var tx = redis.NewTransaction();
            foreach (var key in new[] { RedisKeys.Audit(subject.Site), RedisKeys.AuditOfComment(subject.Site, entry.CommentId!) })
            {
                _ = tx.SortedSetRemoveAsync(key, raw);
                _ = tx.SortedSetAddAsync(key, json, entry.Seq);
            }
            await tx.ExecuteGatedAsync();
            count++;
        }
        if (subject.CommentIds.Count > 0)
            count += (int)await db.HashDeleteAsync(RedisKeys.Labels(subject.Site), subject.CommentIds.Select(id => (RedisValue)id).ToArray());
        return new ErasedPart(Section, count, []);
    }

    private async Task<List<(RedisValue Raw, AuditEntry Entry)>> EntriesAsync(PersonalDataSubject subject)
    {
        var db = redis.GetDatabase();
        var batch = db.CreateBatch();
        var reads = subject.CommentIds.Select(id => batch.SortedSetRangeByRankAsync(RedisKeys.AuditOfComment(subject.Site, id))).ToList();
        batch.Execute();
        var entries = new List<(RedisValue, AuditEntry)>();
        foreach (var read in reads)
        {
            foreach (var raw in await read)
                entries.Add((raw, JsonSerializer.Deserialize((string)raw!, ModerationStorageJson.Default.AuditEntry)!));
        }
        return entries;
    }
}

/// <summary>
/// A ban on the person's email. The ban itself stays (the site's protection against abuse; it is
/// kept as the email's keyed digest, which reveals nothing), but its masked display is removed.
/// </summary>
public sealed class RedisBanPersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public string Section => "bans";
    public int EraseOrder => 40;

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default) =>
        await FindAsync(subject) is { } ban
            ? [new JsonObject { ["kind"] = "email", ["expiresAt"] = ban.ExpiresAt, ["reason"] = ban.Reason, ["at"] = ban.At }]
            : [];

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        if (await FindAsync(subject) is not { Shown: not null } ban) return ErasedPart.None(Section);
        await redis.GetDatabase().HashSetAsync(RedisKeys.Bans(subject.Site), Field(subject),
            JsonSerializer.Serialize(ban with { Shown = null }, StorageJson.Default.Ban));
        return new ErasedPart(Section, 1, []);
    }

    private async Task<Ban?> FindAsync(PersonalDataSubject subject)
    {
        var value = await redis.GetDatabase().HashGetAsync(RedisKeys.Bans(subject.Site), Field(subject));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.Ban);
    }

    private static string Field(PersonalDataSubject subject) => Ban.IdOf(BanKind.Email, subject.EmailDigest);
}
