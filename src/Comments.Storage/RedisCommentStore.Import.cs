using Comments.Core.Comments;
using Comments.Core.Storage;
using StackExchange.Redis;
using Fields = Comments.Storage.RedisKeys.ThreadFields;

namespace Comments.Storage;

/// <summary>The import path's own writes: many new comments per round trip, with the same keys as <see cref="SaveNewAsync"/>.</summary>
public sealed partial class RedisCommentStore
{
    /// <summary>
    /// <paramref name="count"/> new sequence numbers of a site, ascending, by one INCRBY: unique against every
    /// concurrent caller. Below this process's floor (<see cref="NextSequenceAsync"/>) the first number goes through
    /// <see cref="NextSequenceAsync"/>'s jump and the rest follow it.
    /// </summary>
    public async Task<long[]> NextSequencesAsync(string site, int count)
    {
        if (count == 0) return [];
        var seqs = new long[count];
        var last = await Db.StringIncrementAsync(RedisKeys.Sequence(site), count);
        if (last - count + 1 < SequenceFloor)
        {
            seqs[0] = await NextSequenceAsync(site);
            if (count == 1) return seqs;
            last = await Db.StringIncrementAsync(RedisKeys.Sequence(site), count - 1);
            for (var i = 1; i < count; i++) seqs[i] = last - (count - 1) + i;
            return seqs;
        }
        for (var i = 0; i < count; i++) seqs[i] = last - count + 1 + i;
        return seqs;
    }

    /// <summary>
    /// Saves imported comments (every write has <see cref="NewCommentWrite.Import"/>) in one transaction, conditional on
    /// none of their source rows being in the import map: all are stored, or none. When the transaction does not
    /// run (a row was imported meanwhile, or a concurrent write aborted it) each comment is saved on its own through
    /// <see cref="SaveNewAsync"/>, which stores the missing ones and reports the others as already imported. Every key
    /// carries the site's hash tag, so the transaction stays in one cluster slot. The writes are those of
    /// <see cref="SaveNewAsync"/>, one command per key rather than per comment (<see cref="QueueImported"/>).
    /// </summary>
    public async Task<SaveOutcome[]> SaveImportedAsync(IReadOnlyList<NewCommentWrite> writes, CancellationToken ct = default)
    {
        if (writes.Count == 0) return [];
        if (writes.Any(w => w.Import is null || w.Idempotency is not null || w.Flood is not null || w.Comment.Site != writes[0].Comment.Site))
            throw new ArgumentException("Every write of a batch is an import of the same site.", nameof(writes));
        capacity?.EnsureRoom();

        var tx = redis.NewTransaction();
        foreach (var write in writes)
            tx.AddCondition(Condition.HashNotExists(RedisKeys.ImportMap(write.Comment.Site, write.Import!.Source), write.Import.SourceId));
        QueueImported(tx, writes);
        bool saved;
        // A transaction this long must not be cut by the embedded store's checkpoint (CheckpointTurns).
        await using (await CheckpointTurns.HoldAsync(Db, ct))
            saved = await tx.ExecuteGatedAsync();
        if (saved) return writes.Select(_ => new SaveOutcome(SaveStatus.Saved, 0)).ToArray();

        var outcomes = new SaveOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++) outcomes[i] = await SaveNewAsync(writes[i], ct);
        return outcomes;
    }

    /// <summary>
    /// Queues what <see cref="QueueNew"/> queues for each imported comment, grouped by key: the comments and their
    /// text markers in one MSET, each sorted set, set and hash written once with all of its members. A transaction
    /// of 500 comments is about 550 commands instead of 6,500; the embedded Garnet commits its append-only file per
    /// command, which was most of an import's time there. The thread fields keep the first value of the batch, as
    /// the per-comment <c>NX</c> writes did, and the version grows by one per comment.
    /// </summary>
    private static void QueueImported(ITransaction tx, IReadOnlyList<NewCommentWrite> writes)
    {
        var site = writes[0].Comment.Site;
        var strings = new List<KeyValuePair<RedisKey, RedisValue>>(writes.Count * 2);
        var sorted = new Dictionary<RedisKey, List<SortedSetEntry>>();
        var sets = new Dictionary<RedisKey, List<RedisValue>>();
        var maps = new Dictionary<RedisKey, List<HashEntry>>();
        var threads = new Dictionary<string, (NewCommentWrite First, string? Title, string? Url, long Count)>(StringComparer.Ordinal);
        void Add<T>(Dictionary<RedisKey, List<T>> groups, RedisKey key, T item)
        {
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(item);
        }

        foreach (var write in writes)
        {
            var c = write.Comment;
            strings.Add(new(RedisKeys.Comment(site, c.Id), Serialize(c)));
            strings.Add(new(RedisKeys.ThreadText(site, c.ThreadId, write.TextDigest), 1));
            Add(sorted, RedisKeys.ThreadAll(site, c.ThreadId), new SortedSetEntry(c.Id, c.Seq));
            Add(sorted, RedisKeys.Status(site, c.Status), new SortedSetEntry(c.Id, c.Seq));
            if (c.Status == CommentStatus.Published) Add(sorted, RedisKeys.ThreadPublished(site, c.ThreadId), new SortedSetEntry(c.Id, c.Seq));
            if (write.AuthorDigest is { } author) Add(sorted, RedisKeys.Author(site, author), new SortedSetEntry(c.Id, c.Seq));
            Add(sets, RedisKeys.ThreadDigests(site, c.ThreadId), write.TextDigest);
            Add(maps, RedisKeys.ImportMap(site, write.Import!.Source), new HashEntry(write.Import.SourceId, write.Import.MapValue));
            threads[c.ThreadId] = threads.TryGetValue(c.ThreadId, out var t)
                ? (t.First, t.Title ?? write.ThreadTitle, t.Url ?? write.ThreadUrl, t.Count + 1)
                : (write, write.ThreadTitle, write.ThreadUrl, 1);
        }

        _ = tx.StringSetAsync(strings.ToArray());
        foreach (var (key, entries) in sorted) _ = tx.SortedSetAddAsync(key, entries.ToArray());
        foreach (var (key, members) in sets) _ = tx.SetAddAsync(key, members.ToArray());
        foreach (var (key, entries) in maps) _ = tx.HashSetAsync(key, entries.ToArray());
        var created = new List<SortedSetEntry>(threads.Count);
        foreach (var (threadId, (first, title, url, count)) in threads)
        {
            var threadKey = RedisKeys.Thread(site, threadId);
            var threadCreated = (first.Import?.ThreadCreatedAt ?? first.Comment.CreatedAt).ToUnixTimeMilliseconds();
            _ = tx.HashSetAsync(threadKey, Fields.CreatedAt, threadCreated, When.NotExists);
            if (title is not null) _ = tx.HashSetAsync(threadKey, Fields.Title, title, When.NotExists);
            if (url is not null) _ = tx.HashSetAsync(threadKey, Fields.Url, url, When.NotExists);
            tx.QueueVersionBump(site, threadId, count);
            created.Add(new SortedSetEntry(threadId, threadCreated));
        }
        _ = tx.SortedSetAddAsync(RedisKeys.Threads(site), created.ToArray(), SortedSetWhen.NotExists);
    }
}
