using System.Text.Json.Nodes;
using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Reader flags are kept per comment as address digest → reason, so a person's flags are those made
/// from the addresses their comments came from. Flags are not indexed by address: the site's flag
/// hashes (one per flagged comment) are scanned. Erasure removes those fields; a comment already on
/// the reported queue stays there for a moderator.
/// </summary>
public sealed class RedisFlagPersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public string Section => "flags";
    public int EraseOrder => 10;

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default)
    {
        var items = new JsonArray();
        await foreach (var (commentId, _, reason) in FindAsync(subject))
            items.Add(new JsonObject { ["commentId"] = commentId, ["reason"] = reason });
        return items;
    }

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        var count = 0;
        var db = redis.GetDatabase();
        await foreach (var (commentId, address, _) in FindAsync(subject))
        {
            if (await db.HashDeleteAsync(RedisKeys.Flags(subject.Site, commentId), address)) count++;
        }
        return new ErasedPart(Section, count, []);
    }

    private async IAsyncEnumerable<(string CommentId, string Address, string Reason)> FindAsync(PersonalDataSubject subject)
    {
        if (subject.AddressDigests.Count == 0) yield break;
        var db = redis.GetDatabase();
        var fields = subject.AddressDigests.Select(a => (RedisValue)a).ToArray();
        var prefix = ((string)RedisKeys.Patterns.Flags(subject.Site)!).TrimEnd('*');
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(db.Database, RedisKeys.Patterns.Flags(subject.Site), pageSize: 1000))
            {
                var reasons = await db.HashGetAsync(key, fields);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (!reasons[i].IsNull) yield return (((string)key!)[prefix.Length..], subject.AddressDigests[i], reasons[i]!);
                }
            }
        }
    }
}

/// <summary>
/// A like is recorded by the reader's per-browser token digest, which nothing ties to an email;
/// what ties likes to a person is the per-address counter of likes given to a comment (kept a day,
/// <see cref="RedisKeys.LikesFromAddress"/>). Export lists those; erasure deletes them (the likes
/// themselves, anonymous counts, stay).
/// </summary>
public sealed class RedisLikePersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public string Section => "likes";
    public int EraseOrder => 20;

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default)
    {
        var items = new JsonArray();
        var db = redis.GetDatabase();
        foreach (var (key, commentId) in await FindAsync(subject))
            items.Add(new JsonObject { ["commentId"] = commentId, ["likesFromAddressToday"] = (long)await db.StringGetAsync(key) });
        return items;
    }

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        var keys = (await FindAsync(subject)).Select(k => k.Key).ToArray();
        var deleted = keys.Length == 0 ? 0 : await redis.GetDatabase().KeyDeleteAsync(keys);
        return new ErasedPart(Section, (int)deleted, []);
    }

    private async Task<List<(RedisKey Key, string CommentId)>> FindAsync(PersonalDataSubject subject)
    {
        var found = new List<(RedisKey, string)>();
        var db = redis.GetDatabase();
        foreach (var address in subject.AddressDigests)
        {
            var pattern = RedisKeys.Patterns.LikesFromAddress(subject.Site, address);
            var text = (string)pattern!;
            var prefix = text[..text.IndexOf('*')];
            foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                await foreach (var key in server.KeysAsync(db.Database, pattern, pageSize: 1000))
                {
                    var name = (string)key!;
                    found.Add((key, name[prefix.Length..name.LastIndexOf(':')]));
                }
            }
        }
        return found;
    }
}
