using Comments.Core.Moderation;

namespace Comments.Api.Moderation;

/// <summary>What moderators' pages receive. No email, IP or text: a page fetches the item over HTTP when it shows it.</summary>
public interface IModeratorClient
{
    Task QueueItemAdded(QueueNotice notice);
    Task QueueItemUpdated(QueueNotice notice);
    Task QueueItemRemoved(QueueNotice notice);
    Task QueueCounts(QueueCountsNotice counts);
}

/// <param name="Queue">The queue the notice is about (for a removal, the queue it left).</param>
public sealed record QueueNotice(string Site, string Id, string ThreadId, string Queue, string AuthorName);

public sealed record QueueCountsNotice(string Site, QueueCounts Counts);
