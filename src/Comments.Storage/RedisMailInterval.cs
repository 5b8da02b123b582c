using Comments.Core.Outbox;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// At most one mail of a kind per address per interval: a marker per purpose and address digest (never the address:
/// <see cref="RedisKeys.ConfirmationSent"/>, <see cref="RedisKeys.PersonalDataLinkSent"/>) that expires after the
/// interval, set in the transaction that queues the mail, so the marker and the mail are written together or not at all.
/// </summary>
internal static class RedisMailInterval
{
    /// <summary>
    /// Queues <paramref name="mail"/> unless <paramref name="marker"/> exists. <paramref name="alongside"/> (the change that
    /// asks for the mail) is written either way, with the mail when there is one. True when the mail was queued.
    /// </summary>
    public static async Task<bool> QueueAsync(IDatabase db, RedisKey marker, TimeSpan interval, OutboxItem mail, DateTimeOffset now,
        Action<ITransaction>? alongside = null)
    {
        var tx = db.Multiplexer.NewTransaction();
        tx.AddCondition(Condition.KeyNotExists(marker));
        _ = tx.StringSetAsync(marker, 1, interval);
        RedisOutbox.Add(tx, mail, now);
        alongside?.Invoke(tx);
        if (await tx.ExecuteGatedAsync()) return true;
        if (alongside is null) return false;
        var without = db.Multiplexer.NewTransaction();
        alongside(without);
        await without.ExecuteGatedAsync();
        return false;
    }
}
