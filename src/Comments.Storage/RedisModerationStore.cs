using System.Text.Json;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Outbox;
using Comments.Core.Storage;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Queues, flags, audit and labels. A moderator's change to a comment rewrites the comment JSON
/// and every index in one MULTI/EXEC conditioned on the JSON read (optimistic concurrency), so
/// two moderators acting at once never leave a comment in two queues.
/// </summary>
/// <param name="triggers">What a comment that becomes published, is held, reported or decided queues in the outbox, written in the change's own transaction.</param>
public sealed class RedisModerationStore(IConnectionMultiplexer redis, TimeProvider? clock = null, IEnumerable<IOutboxTrigger>? triggers = null) : IModerationStore
{
    private const int MaxAttempts = 8;
    private const int ThreadScanChunk = 500;
    private const int ThreadScanLimit = 5_000;
    /// <summary>The author history counts this many of the author's latest comments.</summary>
    public const int AuthorHistoryWindow = 500;

    private IDatabase Db => redis.GetDatabase();

    public async Task<QueuePage> ListAsync(string site, ModerationQueue queue, string? threadId, long? after, int limit, CancellationToken ct = default)
    {
        if (threadId is not null) return await ListThreadAsync(site, queue, threadId, after, limit);
        var index = queue == ModerationQueue.Reported ? RedisKeys.Reported(site) : RedisKeys.Status(site, queue.Status()!.Value);
        var entries = await Db.SortedSetRangeByScoreWithScoresAsync(index, after ?? double.NegativeInfinity, double.PositiveInfinity,
            Exclude.Start, Order.Ascending, 0, limit + 1);
        var page = entries.Take(limit).ToArray();
        var comments = await GetManyAsync(site, page.Select(e => (string)e.Element!));
        return new QueuePage(comments.Where(c => Belongs(c, queue)).ToList(), entries.Length > limit ? (long)page[^1].Score : null);
    }

    // A thread's comments are scanned in order and filtered; a long thread is paged by the scan position.
    private async Task<QueuePage> ListThreadAsync(string site, ModerationQueue queue, string threadId, long? after, int limit)
    {
        var found = new List<Comment>();
        double position = after ?? double.NegativeInfinity;
        var scanned = 0;
        while (scanned < ThreadScanLimit)
        {
            var entries = await Db.SortedSetRangeByScoreWithScoresAsync(RedisKeys.ThreadAll(site, threadId), position, double.PositiveInfinity,
                Exclude.Start, Order.Ascending, 0, ThreadScanChunk);
            if (entries.Length == 0) return new QueuePage(found, null);
            scanned += entries.Length;
            var comments = await GetManyAsync(site, entries.Select(e => (string)e.Element!));
            var reported = queue == ModerationQueue.Reported ? await ReportedAmongAsync(site, comments) : [];
            foreach (var comment in comments)
            {
                position = comment.Seq;
                if (!Belongs(comment, queue) || (queue == ModerationQueue.Reported && !reported.Contains(comment.Id))) continue;
                found.Add(comment);
                if (found.Count == limit) return new QueuePage(found, comment.Seq);
            }
            if (entries.Length < ThreadScanChunk) return new QueuePage(found, null);
            position = entries[^1].Score;
        }
        return new QueuePage(found, (long)position);
    }

    private static bool Belongs(Comment comment, ModerationQueue queue) =>
        comment.Status == (queue.Status() ?? CommentStatus.Published);

    private async Task<HashSet<string>> ReportedAmongAsync(string site, IReadOnlyList<Comment> comments)
    {
        var batch = Db.CreateBatch();
        var scores = comments.Select(c => (c.Id, batch.SortedSetScoreAsync(RedisKeys.Reported(site), c.Id))).ToList();
        batch.Execute();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, score) in scores)
        {
            if (await score is not null) result.Add(id);
        }
        return result;
    }

    public async Task<QueueCounts> CountAsync(string site, CancellationToken ct = default)
    {
        var batch = Db.CreateBatch();
        Task<long> Count(CommentStatus s) => batch.SortedSetLengthAsync(RedisKeys.Status(site, s));
        var pending = Count(CommentStatus.Pending);
        var spam = Count(CommentStatus.Spam);
        var published = Count(CommentStatus.Published);
        var rejected = Count(CommentStatus.Rejected);
        var deleted = Count(CommentStatus.Deleted);
        var reported = batch.SortedSetLengthAsync(RedisKeys.Reported(site));
        batch.Execute();
        return new QueueCounts(await pending, await spam, await reported, await published, await rejected, await deleted);
    }

    public async Task<AuthorHistory> AuthorHistoryAsync(string site, string emailDigest, CancellationToken ct = default)
    {
        var comments = await RedisCommentStore.LatestOfAuthorAsync(Db, site, emailDigest, AuthorHistoryWindow);
        return RedisAuthorHistory.Of(comments, clock ?? TimeProvider.System);
    }

    public async Task<ReportState> ReportsAsync(string site, string commentId, CancellationToken ct = default)
    {
        var batch = Db.CreateBatch();
        var score = batch.SortedSetScoreAsync(RedisKeys.Reported(site), commentId);
        var flags = batch.HashValuesAsync(RedisKeys.Flags(site, commentId));
        batch.Execute();
        var byReason = (await flags).GroupBy(v => (string)v!).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new ReportState(await score is not null, byReason);
    }

    public async Task<ChangeOutcome?> ChangeAsync(string site, string commentId, Func<Comment, bool, Decision> decide, CancellationToken ct = default)
    {
        var key = RedisKeys.Comment(site, commentId);
        var reportedKey = RedisKeys.Reported(site);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var batch = Db.CreateBatch();
            var rawTask = batch.StringGetAsync(key);
            var scoreTask = batch.SortedSetScoreAsync(reportedKey, commentId);
            batch.Execute();
            var raw = await rawTask;
            if (RedisCommentStore.Deserialize(raw) is not { } before) return null;
            var reported = await scoreTask is not null;

            var decision = decide(before, reported);
            if (decision is not Decision.Change change) return new ChangeOutcome(decision, before, before, reported, 0);

            var after = change.After;
            var auditSeq = await Db.StringIncrementAsync(RedisKeys.AuditSequence(site));
            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.StringEqual(key, raw));
            tx.AddCondition(reported ? Condition.SortedSetContains(reportedKey, commentId) : Condition.SortedSetNotContains(reportedKey, commentId));

            _ = tx.StringSetAsync(key, RedisCommentStore.Serialize(after));
            if (before.Status != after.Status)
            {
                _ = tx.SortedSetRemoveAsync(RedisKeys.Status(site, before.Status), commentId);
                _ = tx.SortedSetAddAsync(RedisKeys.Status(site, after.Status), commentId, after.Seq);
            }
            var publishedKey = RedisKeys.ThreadPublished(site, after.ThreadId);
            if (after.Status == CommentStatus.Published) _ = tx.SortedSetAddAsync(publishedKey, commentId, after.Seq);
            else _ = tx.SortedSetRemoveAsync(publishedKey, commentId);
            if (ModerationService.ReaderEvent(before, after) is not null)
                tx.QueueVersionBump(site, after.ThreadId);
            if (change.ClearReports)
            {
                _ = tx.SortedSetRemoveAsync(reportedKey, commentId);
                _ = tx.KeyDeleteAsync(RedisKeys.Flags(site, commentId));
            }
            var entry = JsonSerializer.Serialize(change.Audit with { Seq = auditSeq }, ModerationStorageJson.Default.AuditEntry);
            _ = tx.SortedSetAddAsync(RedisKeys.Audit(site), entry, auditSeq);
            _ = tx.SortedSetAddAsync(RedisKeys.AuditOfComment(site, commentId), entry, auditSeq);
            if (change.Label is { } label)
                _ = tx.HashSetAsync(RedisKeys.Labels(site), commentId, JsonSerializer.Serialize(label, ModerationStorageJson.Default.Label));
            if (after.Status == CommentStatus.Published && before.Status != CommentStatus.Published && triggers is not null)
                RedisOutbox.AddPublished(tx, triggers, after);
            RedisOutbox.AddModeration(tx, triggers, ModerationEvent.OfChange(before, after, change.Audit with { Seq = auditSeq }));
            var count = tx.SortedSetLengthAsync(publishedKey);

            if (await tx.ExecuteGatedAsync())
                return new ChangeOutcome(change with { Audit = change.Audit with { Seq = auditSeq } }, before, after, reported, await count);
        }
        throw new InvalidOperationException($"Comment {commentId} kept changing under {MaxAttempts} attempts.");
    }

    /// <summary>
    /// The flag, the reported queue at the threshold and the outbox's "reported" items in one transaction,
    /// conditioned on what was read (the comment still published, the flag count, the reader's flag absent
    /// and the queue membership), and read again when another flag or a decision got there first.
    /// </summary>
    public async Task<FlagOutcome> AddFlagAsync(string site, string commentId, string readerKey, string reason, int threshold, CancellationToken ct = default)
    {
        var flags = RedisKeys.Flags(site, commentId);
        var reportedKey = RedisKeys.Reported(site);
        var publishedKey = RedisKeys.Status(site, CommentStatus.Published);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var batch = Db.CreateBatch();
            var raw = batch.StringGetAsync(RedisKeys.Comment(site, commentId));
            var mine = batch.HashExistsAsync(flags, readerKey);
            var length = batch.HashLengthAsync(flags);
            var queued = batch.SortedSetScoreAsync(reportedKey, commentId);
            batch.Execute();
            if (RedisCommentStore.Deserialize(await raw) is not { Status: CommentStatus.Published } comment)
                return new FlagOutcome(FlagResult.NotFlaggable, 0, false);
            if (await mine) return new FlagOutcome(FlagResult.AlreadyFlagged, await length, false);
            var count = await length + 1;
            var wasReported = await queued is not null;
            var becomes = count >= threshold && !wasReported;

            var tx = redis.NewTransaction();
            tx.AddCondition(Condition.SortedSetContains(publishedKey, commentId));
            tx.AddCondition(Condition.HashNotExists(flags, readerKey));
            tx.AddCondition(Condition.HashLengthEqual(flags, count - 1));
            tx.AddCondition(wasReported ? Condition.SortedSetContains(reportedKey, commentId) : Condition.SortedSetNotContains(reportedKey, commentId));
            _ = tx.HashSetAsync(flags, readerKey, reason);
            if (becomes) _ = tx.SortedSetAddAsync(reportedKey, commentId, comment.Seq);
            RedisOutbox.AddModeration(tx, triggers,
                ModerationEvent.OfFlag(Guid.NewGuid().ToString("N"), comment, reason, count, becomes, (clock ?? TimeProvider.System).GetUtcNow()));
            if (await tx.ExecuteGatedAsync()) return new FlagOutcome(FlagResult.Added, count, becomes);
        }
        throw new InvalidOperationException($"Comment {commentId} kept changing under {MaxAttempts} attempts.");
    }

    public async Task<long> AppendAuditAsync(string site, AuditEntry entry, CancellationToken ct = default)
    {
        var seq = await Db.StringIncrementAsync(RedisKeys.AuditSequence(site));
        var json = JsonSerializer.Serialize(entry with { Seq = seq }, ModerationStorageJson.Default.AuditEntry);
        var tx = redis.NewTransaction();
        _ = tx.SortedSetAddAsync(RedisKeys.Audit(site), json, seq);
        if (entry.CommentId is { } id) _ = tx.SortedSetAddAsync(RedisKeys.AuditOfComment(site, id), json, seq);
        await tx.ExecuteGatedAsync();
        return seq;
    }

    public async Task<AuditPage> AuditAsync(string site, string? commentId, long? before, int limit, CancellationToken ct = default)
    {
        var key = commentId is null ? RedisKeys.Audit(site) : RedisKeys.AuditOfComment(site, commentId);
        var entries = await Db.SortedSetRangeByScoreWithScoresAsync(key, before ?? double.PositiveInfinity, double.NegativeInfinity,
            Exclude.Start, Order.Descending, 0, limit + 1);
        var page = entries.Take(limit).ToArray();
        var parsed = page.Select(e => JsonSerializer.Deserialize((string)e.Element!, ModerationStorageJson.Default.AuditEntry)!).ToList();
        return new AuditPage(parsed, entries.Length > limit ? (long)page[^1].Score : null);
    }

    public async Task<IReadOnlyList<Label>> LabelsAsync(string site, CancellationToken ct = default)
    {
        var labels = new List<Label>();
        await foreach (var entry in Db.HashScanAsync(RedisKeys.Labels(site), pageSize: 500))
            labels.Add(JsonSerializer.Deserialize((string)entry.Value!, ModerationStorageJson.Default.Label)!);
        return labels.OrderBy(l => l.At).ThenBy(l => l.CommentId, StringComparer.Ordinal).ToList();
    }

    private Task<IReadOnlyList<Comment>> GetManyAsync(string site, IEnumerable<string> ids) => RedisCommentStore.GetManyAsync(Db, site, ids);
}
