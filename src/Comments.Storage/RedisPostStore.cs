using System.Text.Json;
using Comments.Core.Outbox;
using Comments.Core.Posts;
using Comments.Core.Subscriptions;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Announced posts by the digest of their URL (<c>post:{id}</c>, set once), and the digest batches of the
/// new-posts mail: per frequency an <c>post-digest-open:{frequency}</c> key holds the open batch's id and
/// expires when the batch is due; its posts are a set (<c>post-digest:{frequency}:{batch}</c>). A post,
/// its per-post mail item and its place in every open batch are written in one transaction conditioned
/// on the post being new and on each batch still being the open one, so a post is announced once and a
/// batch that closed meanwhile is never written to.
/// </summary>
public sealed class RedisPostStore(IConnectionMultiplexer redis) : IPostStore
{
    /// <summary>A batch's post ids are kept long past its mail's retries.</summary>
    private static readonly TimeSpan BatchMemory = TimeSpan.FromDays(14);
    private const int MaxTries = 8;

    private IDatabase Db => redis.GetDatabase();

    public async Task<AnnounceResult> AnnounceAsync(Post post, string site, OutboxItem? perPost, IReadOnlyList<DigestBatch> digests,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var key = RedisKeys.Post(site, post.Id);
        var json = JsonSerializer.Serialize(post, PostJson.Default.Post);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.KeyNotExists(key));
            _ = tx.StringSetAsync(key, json);
            if (perPost is not null)
            {
                RedisOutbox.Add(tx, perPost, now);
                foreach (var digest in digests) await AddToBatchAsync(tx, site, digest, post.Id, now);
            }
            if (await tx.ExecuteGatedAsync()) return perPost is null ? AnnounceResult.Recorded : AnnounceResult.Announced;
            if (await Db.KeyExistsAsync(key)) return AnnounceResult.Known;
            // A batch closed or opened between the read and the write: read again.
        }
        throw new RedisException("The post's digest batches kept changing; try again.");
    }

    /// <summary>Into the open batch (conditioned on it still being open), or a new one that opens now and is mailed when due.</summary>
    private async Task AddToBatchAsync(ITransaction tx, string site, DigestBatch digest, string postId, DateTimeOffset now)
    {
        var openKey = RedisKeys.PostDigestOpen(site, digest.Frequency);
        var open = await Db.StringGetAsync(openKey);
        long batch;
        if (open.HasValue && long.TryParse((string?)open, out batch))
        {
            tx.AddCondition(Condition.StringEqual(openKey, open));
        }
        else
        {
            batch = now.ToUnixTimeMilliseconds();
            tx.AddCondition(Condition.KeyNotExists(openKey));
            _ = tx.StringSetAsync(openKey, batch, digest.Period);
            // Due a little after the open key expires, so no post joins the batch after its mail has read it.
            RedisOutbox.Add(tx, digest.Mail(batch), now + digest.Period + BatchGrace);
        }
        var setKey = RedisKeys.PostDigest(site, digest.Frequency, batch);
        _ = tx.SetAddAsync(setKey, postId);
        _ = tx.KeyExpireAsync(setKey, BatchMemory + digest.Period);
    }

    /// <summary>Between a batch closing (its key expiring in the store) and its mail reading it: covers clock skew between nodes and the store.</summary>
    public static readonly TimeSpan BatchGrace = TimeSpan.FromSeconds(2);

    public async Task<Post?> GetAsync(string site, string id, CancellationToken ct = default)
    {
        var json = await Db.StringGetAsync(RedisKeys.Post(site, id));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, PostJson.Default.Post);
    }

    public async Task<IReadOnlyList<string>> DigestAsync(string site, PostFrequency frequency, long batch, CancellationToken ct = default) =>
        (await Db.SetMembersAsync(RedisKeys.PostDigest(site, frequency, batch))).Select(v => (string)v!).ToList();

    public Task<bool> TryLeaseFeedAsync(string site, string node, TimeSpan lease, CancellationToken ct = default) =>
        Db.StringSetAsync(RedisKeys.FeedLease(site), node, lease, When.NotExists);

    public Task<bool> FeedSeenAsync(string site, CancellationToken ct = default) => Db.KeyExistsAsync(RedisKeys.FeedSeen(site));

    public Task MarkFeedSeenAsync(string site, CancellationToken ct = default) => Db.StringSetAsync(RedisKeys.FeedSeen(site), 1);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Post))]
internal sealed partial class PostJson : System.Text.Json.Serialization.JsonSerializerContext;
