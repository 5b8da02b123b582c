using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Events;

/// <summary>The <c>Events</c> section: how the event path after a save keeps up with ingest.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// Ordered workers. A thread's events always go to the same worker (in order within the
    /// thread); different threads are handled concurrently. Each event costs a few store round trips
    /// (backplane publishes, the moderators' counts), so one worker alone falls behind at peak ingest.
    /// </summary>
    [Range(1, 1_024)]
    public int Workers { get; set; } = 32;

    /// <summary>Events waiting per worker. Past it an event is dropped, counted, logged and shown in health.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 4_096;
}
