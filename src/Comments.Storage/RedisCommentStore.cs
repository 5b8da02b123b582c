using System.Text.Json;
using Comments.Core.Comments;
using Comments.Core.Outbox;
using Comments.Core.Storage;
using StackExchange.Redis;
using Fields = Comments.Storage.RedisKeys.ThreadFields;

namespace Comments.Storage;

/// <param name="capacity">The embedded store's capacity guard (none on Redis or with the storage tier).</param>
/// <param name="triggers">What a published comment queues in the outbox, written in the comment's own transaction.</param>
public sealed partial class RedisCommentStore(IConnectionMultiplexer redis, EmbeddedCapacity? capacity = null, IEnumerable<IOutboxTrigger>? triggers = null) : ICommentStore
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// INCR of the site's sequence, never below the moment this process started, in microseconds since
    /// 1970. Were the store ever to lose its latest writes (the sequence among them), the sequence would
    /// go back and hand out ids that were already given; instead it jumps to "now", past every id given
    /// before (at fewer than a million comments a second). The jump is a compare-and-set, so concurrent
    /// callers and nodes never get the same number.
    /// </summary>
    public async Task<long> NextSequenceAsync(string site, CancellationToken ct = default)
    {
        var key = RedisKeys.Sequence(site);
        while (true)
        {
            var seq = await Db.StringIncrementAsync(key);
            if (seq >= SequenceFloor) return seq;
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.StringEqual(key, seq));
            _ = tx.StringSetAsync(key, now);
            if (await tx.ExecuteGatedAsync()) return now;
        }
    }

    /// <summary>This process's start in microseconds since 1970: ids below it were handed out before, maybe by a lost write.</summary>
    internal static readonly long SequenceFloor = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>
    /// One WATCHed transaction. Another connection's write to a watched key (another node saving to the
    /// same thread) between WATCH and EXEC aborts it; StackExchange.Redis then reports the conditions as
    /// not met, so a refusal is only believed when a fresh read confirms it, and an abort is tried again.
    /// </summary>
    public async Task<SaveOutcome> SaveNewAsync(NewCommentWrite write, CancellationToken ct = default)
    {
        capacity?.EnsureRoom();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            if (await TrySaveNewAsync(write) is { } outcome) return outcome;
            // Aborted by a concurrent write to a watched key (the same text, the same idempotency key, the
            // same import row, the author's flood window): a short random wait, growing per attempt, before reading it again.
            await Task.Delay(Random.Shared.Next(1, 3 + 2 * attempt), ct);
        }
        // Still contended after every attempt: nothing was written, the client may retry (503).
        throw new RedisServerException(RedisErrorKind.TryAgain, CommandFlags.None, $"TRYAGAIN the save was aborted by concurrent writes {MaxSaveAttempts} times");
    }

    private const int MaxSaveAttempts = 16;

    /// <summary>The outcome, or null when the transaction was aborted by a concurrent write and nothing it checks holds.</summary>
    private async Task<SaveOutcome?> TrySaveNewAsync(NewCommentWrite write)
    {
        var c = write.Comment;
        var site = c.Site;
        var digests = RedisKeys.ThreadDigests(site, c.ThreadId);

        var tx = redis.NewTransaction();
        var import = write.Import;
        if (import is not null) tx.AddCondition(Condition.HashNotExists(RedisKeys.ImportMap(site, import.Source), import.SourceId));
        // An imported text was accepted by the source site already: the same "Thanks!" twice in a thread is kept.
        else tx.AddCondition(Condition.KeyNotExists(RedisKeys.ThreadText(site, c.ThreadId, write.TextDigest)));
        if (write.Idempotency is { } idem) tx.AddCondition(Condition.KeyNotExists(RedisKeys.Idempotency(site, idem.Key)));
        if (write.Flood is { } flood)
        {
            foreach (var key in flood.Keys) tx.AddCondition(Condition.KeyNotExists(RedisKeys.Flood(site, key)));
            foreach (var key in flood.Keys) _ = tx.StringSetAsync(RedisKeys.Flood(site, key), 1, flood.Interval);
        }

        QueueNew(tx, write);
        var count = tx.SortedSetLengthAsync(RedisKeys.ThreadPublished(site, c.ThreadId));

        if (await tx.ExecuteGatedAsync())
            return new SaveOutcome(SaveStatus.Saved, await count);
        // Read again what the conditions checked: an aborted EXEC reports them unmet too.
        if (import is not null && await Db.HashExistsAsync(RedisKeys.ImportMap(site, import.Source), import.SourceId))
            return new SaveOutcome(SaveStatus.AlreadyImported, 0);
        if (write.Idempotency is { } taken && await Db.KeyExistsAsync(RedisKeys.Idempotency(site, taken.Key)))
            return new SaveOutcome(SaveStatus.IdempotencyKeyTaken, 0);
        if (import is null && await Db.SetContainsAsync(digests, write.TextDigest))
            return new SaveOutcome(SaveStatus.DuplicateText, 0);
        if (write.Flood is { } window && await RedisSubmissionGuards.FloodWaitAsync(Db, site, window.Keys) is { } wait)
            return new SaveOutcome(SaveStatus.Flooded, 0, wait);
        return null;
    }

    /// <summary>Queues on <paramref name="tx"/> every write of a new comment: the comment, its indexes, its thread, its import map entry, its outbox entries.</summary>
    private void QueueNew(ITransaction tx, NewCommentWrite write)
    {
        var c = write.Comment;
        var site = c.Site;
        var threadKey = RedisKeys.Thread(site, c.ThreadId);
        var import = write.Import;
        _ = tx.StringSetAsync(RedisKeys.Comment(site, c.Id), Serialize(c));
        _ = tx.SortedSetAddAsync(RedisKeys.ThreadAll(site, c.ThreadId), c.Id, c.Seq);
        _ = tx.SortedSetAddAsync(RedisKeys.Status(site, c.Status), c.Id, c.Seq);
        if (c.Status == CommentStatus.Published)
            _ = tx.SortedSetAddAsync(RedisKeys.ThreadPublished(site, c.ThreadId), c.Id, c.Seq);
        if (write.AuthorDigest is { } author)
            _ = tx.SortedSetAddAsync(RedisKeys.Author(site, author), c.Id, c.Seq);
        _ = tx.SetAddAsync(RedisKeys.ThreadDigests(site, c.ThreadId), write.TextDigest);
        _ = tx.StringSetAsync(RedisKeys.ThreadText(site, c.ThreadId, write.TextDigest), 1);
        var threadCreated = (import?.ThreadCreatedAt ?? c.CreatedAt).ToUnixTimeMilliseconds();
        _ = tx.HashSetAsync(threadKey, Fields.CreatedAt, threadCreated, When.NotExists);
        if (write.ThreadTitle is { } title) _ = tx.HashSetAsync(threadKey, Fields.Title, title, When.NotExists);
        if (write.ThreadUrl is { } url) _ = tx.HashSetAsync(threadKey, Fields.Url, url, When.NotExists);
        tx.QueueVersionBump(site, c.ThreadId);
        _ = tx.SortedSetAddAsync(RedisKeys.Threads(site), c.ThreadId, threadCreated, SortedSetWhen.NotExists);
        if (import is not null) _ = tx.HashSetAsync(RedisKeys.ImportMap(site, import.Source), import.SourceId, import.MapValue);
        // Imported comments never cause mail or hooks: they were published long ago, elsewhere.
        if (c.Status == CommentStatus.Published && import is null && triggers is not null) RedisOutbox.AddPublished(tx, triggers, c);
        if (import is null) RedisOutbox.AddModeration(tx, triggers, ModerationEvent.OfNew(c));
        if (write.Idempotency is { } answer)
        {
            _ = tx.StringSetAsync(RedisKeys.Idempotency(site, answer.Key),
                JsonSerializer.Serialize(answer.Answer, StorageJson.Default.SubmissionAnswer), IdempotencyLifetime);
        }
    }

    /// <summary>How long a client may retry with the same Idempotency-Key and get the first answer.</summary>
    public static readonly TimeSpan IdempotencyLifetime = TimeSpan.FromHours(24);

    public async Task<Comment?> GetAsync(string site, string id, CancellationToken ct = default) =>
        Deserialize(await Db.StringGetAsync(RedisKeys.Comment(site, id)));

    public async Task<CommentThread?> GetThreadAsync(string site, string threadId, CancellationToken ct = default) =>
        ToThread(site, threadId, await Db.HashGetAsync(RedisKeys.Thread(site, threadId), ThreadFieldNames));

    private static readonly RedisValue[] ThreadFieldNames =
        [Fields.CreatedAt, Fields.Title, Fields.Url, Fields.Closed, Fields.Version];

    private static CommentThread? ToThread(string site, string threadId, RedisValue[] values)
    {
        if (values[0].IsNull) return null;
        return new CommentThread(site, threadId, values[1], values[2],
            DateTimeOffset.FromUnixTimeMilliseconds((long)values[0]),
            values[3] == 1, values[4].IsNull ? 0 : (long)values[4]);
    }

    public async Task<CommentPage> ListPublishedAsync(string site, string threadId, PageQuery query, CancellationToken ct = default)
    {
        var newest = query.Sort == SortOrder.Newest;
        double after = query.After ?? (newest ? double.PositiveInfinity : double.NegativeInfinity);
        var end = newest ? double.NegativeInfinity : double.PositiveInfinity;
        var publishedKey = RedisKeys.ThreadPublished(site, threadId);

        // One batch, version first: a write that lands between the reads makes the ETag older
        // than the data, never newer, so a client never keeps stale data behind a fresh ETag.
        var batch = Db.CreateBatch();
        var thread = batch.HashGetAsync(RedisKeys.Thread(site, threadId), ThreadFieldNames);
        var count = batch.SortedSetLengthAsync(publishedKey);
        var range = batch.SortedSetRangeByScoreWithScoresAsync(publishedKey, after, end, Exclude.Start,
            newest ? Order.Descending : Order.Ascending, 0, query.Limit + 1);
        batch.Execute();

        var entries = await range;
        var page = entries.Take(query.Limit).ToArray();
        var comments = await GetManyAsync(site, page.Select(e => (string)e.Element!));
        long? next = entries.Length > query.Limit ? (long)page[^1].Score : null;
        return new CommentPage(
            comments.Where(c => c.Status == CommentStatus.Published).ToList(),
            await count, ToThread(site, threadId, await thread), next);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountPublishedAsync(string site, IReadOnlyCollection<string> threadIds, CancellationToken ct = default)
    {
        var batch = Db.CreateBatch();
        var counts = threadIds.Distinct().Select(t => (t, batch.SortedSetLengthAsync(RedisKeys.ThreadPublished(site, t)))).ToList();
        batch.Execute();
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (thread, count) in counts) result[thread] = await count;
        return result;
    }

    public async Task SetThreadClosedAsync(string site, string threadId, bool closed, CancellationToken ct = default)
    {
        var key = RedisKeys.Thread(site, threadId);
        var tx = redis.NewTransaction();
        _ = tx.HashSetAsync(key, Fields.CreatedAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), When.NotExists);
        _ = tx.HashSetAsync(key, Fields.Closed, closed ? 1 : 0);
        tx.QueueVersionBump(site, threadId);
        await tx.ExecuteGatedAsync();
    }

    public async Task SetThreadDetailsAsync(string site, string threadId, string? title, string? url, CancellationToken ct = default)
    {
        var key = RedisKeys.Thread(site, threadId);
        var tx = redis.NewTransaction();
        _ = tx.HashSetAsync(key, Fields.CreatedAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), When.NotExists);
        if (title is not null) _ = tx.HashSetAsync(key, Fields.Title, title);
        if (url is not null) _ = tx.HashSetAsync(key, Fields.Url, url);
        tx.QueueVersionBump(site, threadId);
        await tx.ExecuteGatedAsync();
    }

    public Task<TimeSpan> PingAsync(CancellationToken ct = default) => Db.PingAsync();

    private Task<IReadOnlyList<Comment>> GetManyAsync(string site, IEnumerable<string> ids) => GetManyAsync(Db, site, ids);

    /// <summary>Comments by id in one MGET, in the order given; missing ones are left out.</summary>
    internal static async Task<IReadOnlyList<Comment>> GetManyAsync(IDatabase db, string site, IEnumerable<string> ids)
    {
        var keys = ids.Select(id => RedisKeys.Comment(site, id)).ToArray();
        if (keys.Length == 0) return [];
        var values = await db.StringGetAsync(keys);
        return values.Select(Deserialize).OfType<Comment>().ToList();
    }

    /// <summary>An author's latest comments (newest first), read through the author index.</summary>
    internal static async Task<IReadOnlyList<Comment>> LatestOfAuthorAsync(IDatabase db, string site, string emailDigest, int count)
    {
        var ids = await db.SortedSetRangeByRankAsync(RedisKeys.Author(site, emailDigest), 0, count - 1, Order.Descending);
        return await GetManyAsync(db, site, ids.Select(id => (string)id!));
    }

    internal static string Serialize(Comment comment) => JsonSerializer.Serialize(comment, StorageJson.Default.Comment);

    internal static Comment? Deserialize(RedisValue value) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.Comment);
}
