using System.Diagnostics.Metrics;
using Comments.Core.Telemetry;

namespace Comments.Api.Telemetry;

/// <summary>The outbox's instruments on the service's meter (<see cref="CommentsDiagnostics.Meter"/>).</summary>
public static class OutboxMetrics
{
    /// <summary>Outbox items worked on, by kind and outcome.</summary>
    public static readonly Counter<long> Done = CommentsDiagnostics.Meter.CreateCounter<long>(
        "comments.outbox.items", "{item}", "Outbox items worked on, by kind and outcome (done, retry, dead).");

    /// <summary>The <c>comments.outbox.depth</c> gauge (items queued per site, read every few seconds by the worker).</summary>
    public static void ObserveDepth(Func<IEnumerable<Measurement<long>>> depth) =>
        CommentsDiagnostics.Meter.CreateObservableGauge("comments.outbox.depth", depth, "{item}", "Outbox items queued, due or not, per site.");
}
