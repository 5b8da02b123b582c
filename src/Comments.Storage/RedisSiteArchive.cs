using Comments.Core.Comments;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// What import and export read from the store beside <see cref="RedisCommentStore"/>: an import
/// source's map of rows already imported, and a whole site thread by thread.
/// </summary>
public sealed class RedisSiteArchive(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>The map values of <paramref name="sourceIds"/> in one HMGET, null where a row is not imported yet.</summary>
    public async Task<string?[]> ImportedAsync(string site, string source, IReadOnlyList<string> sourceIds)
    {
        if (sourceIds.Count == 0) return [];
        var values = await Db.HashGetAsync(RedisKeys.ImportMap(site, source), sourceIds.Select(id => (RedisValue)id).ToArray());
        return values.Select(v => v.IsNull ? null : (string?)v).ToArray();
    }

    /// <summary>The site's thread ids, oldest first.</summary>
    public async IAsyncEnumerable<string> ThreadIdsAsync(string site)
    {
        const int page = 500;
        for (long start = 0; ; start += page)
        {
            var ids = await Db.SortedSetRangeByRankAsync(RedisKeys.Threads(site), start, start + page - 1);
            foreach (var id in ids) yield return (string)id!;
            if (ids.Length < page) yield break;
        }
    }

    /// <summary>Every comment of a thread, whatever its status, in sequence order, read 500 at a time.</summary>
    public async IAsyncEnumerable<Comment> CommentsAsync(string site, string threadId)
    {
        const int page = 500;
        for (long start = 0; ; start += page)
        {
            var ids = await Db.SortedSetRangeByRankAsync(RedisKeys.ThreadAll(site, threadId), start, start + page - 1);
            foreach (var comment in await RedisCommentStore.GetManyAsync(Db, site, ids.Select(id => (string)id!))) yield return comment;
            if (ids.Length < page) yield break;
        }
    }
}
