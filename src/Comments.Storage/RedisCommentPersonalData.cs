using System.Text.Json;
using System.Text.Json.Nodes;
using Comments.Core;
using Comments.Core.Comments;
using Comments.Core.Events;
using Comments.Core.PersonalData;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The person's comments. Erasure rewrites each comment in one transaction conditioned on the JSON
/// read (as a moderator's change is): name "Anonymous", no email, website, IP or user agent, and,
/// when the site deletes the text, status deleted with no text. The same transaction takes the
/// comment out of the author index, so a comment is either untouched or wholly erased, and a re-run
/// finds only what is left. Then the author index, the flood windows of the email and the addresses,
/// and the stored idempotent answers of the comments (which carry the public name) are deleted.
/// </summary>
public sealed class RedisCommentPersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public const string AnonymousName = "Anonymous";
    private const int MaxAttempts = 8;

    public string Section => "comments";
    public int EraseOrder => 100;

    private IDatabase Db => redis.GetDatabase();

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default)
    {
        var comments = await RedisCommentStore.GetManyAsync(Db, subject.Site, subject.CommentIds);
        return new JsonArray(comments.OrderBy(c => c.Seq).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["thread"] = c.ThreadId,
            ["parent"] = c.ParentId,
            ["status"] = c.Status.ToLowerName(),
            ["createdAt"] = c.CreatedAt,
            ["updatedAt"] = c.UpdatedAt,
            ["authorName"] = c.AuthorName,
            ["authorEmail"] = c.AuthorEmail,
            ["authorUrl"] = c.AuthorUrl,
            ["ip"] = c.Ip == AddressKeys.Unknown ? null : c.Ip,
            ["userAgent"] = c.UserAgent,
            ["text"] = c.Text,
        }).ToArray());
    }

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        var events = new List<CommentEvent>();
        foreach (var id in subject.CommentIds)
        {
            if (await EraseOneAsync(subject, id, policy) is { } e) events.Add(e);
        }
        var db = Db;
        var keys = new List<RedisKey> { RedisKeys.Author(subject.Site, subject.EmailDigest), RedisKeys.Flood(subject.Site, "email:" + subject.EmailDigest) };
        keys.AddRange(subject.AddressDigests.Select(a => RedisKeys.Flood(subject.Site, "ip:" + a)));
        await db.KeyDeleteAsync(keys.ToArray());
        await DeleteIdempotentAnswersAsync(subject);
        return new ErasedPart(Section, events.Count, events);
    }

    /// <summary>Anonymises one comment; the event for readers and moderators, or null when it was gone already.</summary>
    private async Task<CommentEvent?> EraseOneAsync(PersonalDataSubject subject, string id, ErasedTextPolicy policy)
    {
        var site = subject.Site;
        var key = RedisKeys.Comment(site, id);
        var author = RedisKeys.Author(site, subject.EmailDigest);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var raw = await Db.StringGetAsync(key);
            if (RedisCommentStore.Deserialize(raw) is not { } before)
            {
                await Db.SortedSetRemoveAsync(author, id);
                return null;
            }
            var after = Anonymised(before, policy);
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.StringEqual(key, raw));
            _ = tx.StringSetAsync(key, RedisCommentStore.Serialize(after));
            _ = tx.SortedSetRemoveAsync(author, id);
            var publishedKey = RedisKeys.ThreadPublished(site, after.ThreadId);
            if (before.Status != after.Status)
            {
                _ = tx.SortedSetRemoveAsync(RedisKeys.Status(site, before.Status), id);
                _ = tx.SortedSetAddAsync(RedisKeys.Status(site, after.Status), id, after.Seq);
                _ = tx.SortedSetRemoveAsync(publishedKey, id);
                _ = tx.SortedSetRemoveAsync(RedisKeys.Reported(site), id);
            }
            var wasPublished = before.Status == CommentStatus.Published;
            // Readers' cached pages (ETag) show the name: they must change.
            if (wasPublished) tx.QueueVersionBump(site, after.ThreadId);
            var count = tx.SortedSetLengthAsync(publishedKey);
            if (!await tx.ExecuteGatedAsync()) continue;

            var kind = !wasPublished ? CommentEventKind.Moved
                : after.Status == CommentStatus.Published ? CommentEventKind.Updated : CommentEventKind.Removed;
            return new CommentEvent(kind, after, await count) { Source = CommentEventSource.Moderator, Before = before };
        }
        throw new InvalidOperationException($"Comment {id} kept changing under {MaxAttempts} attempts.");
    }

    public static Comment Anonymised(Comment c, ErasedTextPolicy policy)
    {
        var after = c with { AuthorName = AnonymousName, AuthorEmail = null, AuthorUrl = null, Ip = AddressKeys.Unknown, UserAgent = null };
        return policy == ErasedTextPolicy.Delete ? after with { Status = CommentStatus.Deleted, Text = "", Html = "", Pinned = false } : after;
    }

    /// <summary>Stored answers to retried POSTs (kept a day) hold the public comment with its name: those of the comments go.</summary>
    private async Task DeleteIdempotentAnswersAsync(PersonalDataSubject subject)
    {
        var ids = subject.CommentIds.ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0) return;
        var db = Db;
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(db.Database, RedisKeys.Patterns.Idempotency(subject.Site), pageSize: 1000))
            {
                var value = await db.StringGetAsync(key);
                if (value.IsNullOrEmpty) continue;
                var answer = JsonSerializer.Deserialize((string)value!, StorageJson.Default.SubmissionAnswer);
                if (answer is not null && ids.Contains(answer.Id)) await db.KeyDeleteAsync(key);
            }
        }
    }
}
