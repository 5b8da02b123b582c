using Comments.Core.Storage;
using StackExchange.Redis;

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
    /// carries the site's hash tag, so the transaction stays in one cluster slot.
    /// </summary>
    public async Task<SaveOutcome[]> SaveImportedAsync(IReadOnlyList<NewCommentWrite> writes, CancellationToken ct = default)
    {
        if (writes.Count == 0) return [];
        if (writes.Any(w => w.Import is null || w.Comment.Site != writes[0].Comment.Site))
            throw new ArgumentException("Every write of a batch is an import of the same site.", nameof(writes));
        capacity?.EnsureRoom();

        var tx = Db.CreateTransaction();
        foreach (var write in writes)
            tx.AddCondition(Condition.HashNotExists(RedisKeys.ImportMap(write.Comment.Site, write.Import!.Source), write.Import.SourceId));
        foreach (var write in writes) QueueNew(tx, write);
        if (await tx.ExecuteAsync())
            return writes.Select(_ => new SaveOutcome(SaveStatus.Saved, 0)).ToArray();

        var outcomes = new SaveOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++) outcomes[i] = await SaveNewAsync(writes[i], ct);
        return outcomes;
    }
}
