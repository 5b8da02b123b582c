using Comments.Core.Comments;
using Comments.Core.PersonalData;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Locates a person's data through the author index (<see cref="RedisKeys.Author"/>, keyed by the
/// email digest): no scan of the comments. The addresses are those of the comments found.
/// </summary>
public sealed class RedisPersonalDataIndex(IConnectionMultiplexer redis, StoreDigests digests) : IPersonalDataIndex
{
    public async Task<PersonalDataSubject> LocateAsync(string site, string email, string emailDigest, CancellationToken ct = default)
    {
        var db = redis.GetDatabase();
        var ids = (await db.SortedSetRangeByRankAsync(RedisKeys.Author(site, emailDigest))).Select(id => (string)id!).ToList();
        var comments = await RedisCommentStore.GetManyAsync(db, site, ids);
        var addresses = comments.Select(c => c.Ip).Where(ip => ip != AddressKeys.Unknown && ip.Length > 0)
            .Select(digests.Address).Distinct(StringComparer.Ordinal).ToList();
        return new PersonalDataSubject(site, email, emailDigest, ids, addresses);
    }
}
