using System.Diagnostics.Metrics;
using Comments.Api.Events;
using Comments.Core;
using Comments.Core.Events;
using Comments.Core.Telemetry;

namespace Comments.Api.Telemetry;

/// <summary>
/// The event path seen from outside: the last subscriber counts each event delivered and each
/// moderator's action; the queues' depth and drops are read from the publisher when scraped.
/// </summary>
public sealed class EventMetrics : ICommentEventSubscriber
{
    public EventMetrics(ChannelCommentEventPublisher publisher)
    {
        CommentsDiagnostics.Meter.CreateObservableGauge("comments.events.queued", () => publisher.Queued,
            "{event}", "Events waiting in the event queues.");
        CommentsDiagnostics.Meter.CreateObservableCounter("comments.events.dropped", () => publisher.Dropped,
            "{event}", "Events dropped because their queue was full (readers catch up by cursor).");
    }

    public Task HandleAsync(CommentEvent commentEvent, CancellationToken ct)
    {
        HostMetrics.Deliveries.Add(1,
            new KeyValuePair<string, object?>("kind", commentEvent.Kind.ToLowerName()),
            new KeyValuePair<string, object?>("source", commentEvent.Source.ToLowerName()));
        if (commentEvent.Source == CommentEventSource.Moderator)
            HostMetrics.ModerationActions.Add(1, new KeyValuePair<string, object?>("status", commentEvent.Comment.Status.ToLowerName()));
        return Task.CompletedTask;
    }
}
