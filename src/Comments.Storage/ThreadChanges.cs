using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// The one way to bump a thread's version: the HINCRBY and, in the same MULTI/EXEC, a PUBLISH of the thread on
/// <see cref="RedisKeys.ThreadChanges"/>, so every node's <see cref="ThreadVersions"/> forgets what it remembered of
/// the thread as soon as the change is committed. This node's own memory forgets when the EXEC is answered, before the
/// writer goes on (<see cref="CheckpointGateExtensions.ExecuteGatedAsync"/>): a writer reads its own write at once.
/// </summary>
public static class ThreadChanges
{
    /// <summary>Queues on <paramref name="tx"/> a new version of the thread (by <paramref name="by"/>) and its message.</summary>
    public static void QueueVersionBump(this ITransaction tx, string site, string thread, long by = 1)
    {
        _ = tx.HashIncrementAsync(RedisKeys.Thread(site, thread), RedisKeys.ThreadFields.Version, by);
        _ = tx.PublishAsync(RedisKeys.ThreadChanges(), Message(site, thread));
        ThreadVersions.Changing(tx, site, thread);
    }

    /// <summary>"site\nthread": neither a site nor a thread id holds a line break (<see cref="Core.Comments.Ids"/>).</summary>
    public static string Message(string site, string thread) => $"{site}\n{thread}";

    public static bool TryParse(string message, out string site, out string thread)
    {
        var split = message.IndexOf('\n');
        (site, thread) = split > 0 ? (message[..split], message[(split + 1)..]) : ("", "");
        return split > 0;
    }
}
