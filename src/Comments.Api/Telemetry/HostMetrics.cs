using System.Diagnostics.Metrics;
using Comments.Core.Telemetry;

namespace Comments.Api.Telemetry;

/// <summary>
/// The host's instruments on the service's meter (<see cref="CommentsDiagnostics.Meter"/>); the
/// pipeline's decisions and timings are recorded by the pipeline itself.
/// </summary>
public static class HostMetrics
{
    /// <summary>Open hub connections, by hub (readers' <c>CommentsHub</c>, <c>ModeratorHub</c>).</summary>
    public static readonly UpDownCounter<long> HubConnections = CommentsDiagnostics.Meter.CreateUpDownCounter<long>(
        "comments.hub.connections", "{connection}", "Open SignalR connections, by hub.");

    /// <summary>Events that went through every subscriber (hubs, queues, counts), by kind and source.</summary>
    public static readonly Counter<long> Deliveries = CommentsDiagnostics.Meter.CreateCounter<long>(
        "comments.events.delivered", "{event}", "Comment events handed to every subscriber, by kind and source.");

    /// <summary>Moderators' changes, by the comment's status after the change.</summary>
    public static readonly Counter<long> ModerationActions = CommentsDiagnostics.Meter.CreateCounter<long>(
        "comments.moderation.actions", "{action}", "Moderators' changes to comments, by the status they left the comment in.");

    /// <summary>Requests that failed on the store (down, not ready, full), by error.</summary>
    public static readonly Counter<long> StoreErrors = CommentsDiagnostics.Meter.CreateCounter<long>(
        "comments.store.errors", "{error}", "Requests that failed because the store was unavailable or full.");
}
