using Comments.Core.Comments;
using Comments.Storage;
using StackExchange.Redis;

namespace Comments.Admin;

/// <summary>
/// Moves a site's thread indexes from the key names used before issue 10
/// (<c>c:{site}:thread:{thread}:published</c>, <c>:all</c>, <c>:digests</c>, <c>:likes</c>) to
/// today's (<see cref="RedisKeys.ThreadPublished"/>…). A key is moved only when its type is the
/// index's (a thread named "X:published" has a hash there, not a sorted set; a thread named
/// "X:likes" has a hash with a creation time, which a likes hash never has), and never over an
/// existing key (RENAMENX). Safe to run twice. Each move bumps the thread's version (see <c>MoveAsync</c>).
/// </summary>
public static class ThreadKeyRename
{
    private static readonly (string Suffix, RedisType Type, Func<string, string, RedisKey> Target)[] Indexes =
    [
        (":published", RedisType.SortedSet, RedisKeys.ThreadPublished),
        (":all", RedisType.SortedSet, RedisKeys.ThreadAll),
        (":digests", RedisType.Set, RedisKeys.ThreadDigests),
        (":likes", RedisType.Hash, RedisKeys.ThreadLikes),
    ];

    public static async Task<(int Moved, int Skipped)> RunAsync(IConnectionMultiplexer redis, string site)
    {
        var db = redis.GetDatabase();
        var prefix = (string)RedisKeys.Thread(site, "x")!;
        prefix = prefix[..^1];
        var (moved, skipped) = (0, 0);
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 500))
            {
                var name = (string)key!;
                foreach (var (suffix, type, target) in Indexes)
                {
                    if (!name.EndsWith(suffix, StringComparison.Ordinal)) continue;
                    var thread = name[prefix.Length..^suffix.Length];
                    if (!Ids.IsThread(thread) || await db.KeyTypeAsync(key) != type
                        || (type == RedisType.Hash && await db.HashExistsAsync(key, RedisKeys.ThreadFields.CreatedAt)))
                        continue;
                    if (await MoveAsync(db, key, target(site, thread), site, thread)) moved++;
                    else skipped++;
                    break;
                }
            }
        }
        return (moved, skipped);
    }

    /// <summary>
    /// RENAMENX and, in the same transaction, a new version of the thread (when it has its hash):
    /// nodes serve a thread's page from memory while its version is unchanged, and a moved index
    /// changes what readers see.
    /// </summary>
    private static async Task<bool> MoveAsync(IDatabase db, RedisKey from, RedisKey to, string site, string thread)
    {
        var hasThread = await db.HashExistsAsync(RedisKeys.Thread(site, thread), RedisKeys.ThreadFields.CreatedAt);
        var tx = db.Multiplexer.NewTransaction();
        tx.AddCondition(Condition.KeyNotExists(to));
        _ = tx.KeyRenameAsync(from, to);
        if (hasThread) tx.QueueVersionBump(site, thread);
        return await tx.ExecuteGatedAsync();
    }
}
