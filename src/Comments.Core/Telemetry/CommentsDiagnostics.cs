using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Comments.Core.Telemetry;

/// <summary>
/// The service's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>. The pipeline's instruments live here (the domain records its own decisions);
/// the host adds its own instruments to the same meter (Comments.Api/Telemetry). Instruments cost
/// almost nothing, and a span is not even created, while nothing listens.
/// </summary>
public static class CommentsDiagnostics
{
    public const string Name = "Comments";

    public static readonly Meter Meter = new(Name);

    /// <summary>From half a millisecond to seconds (the exporters' default buckets are made for milliseconds).</summary>
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    };
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Submissions by site (a configured site id), decision (published, pending, spam, rejected, refused, replayed) and first reason code.</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "comments.decisions", "{comment}", "Submissions by site, decision and their first reason (or refusal code).");

    /// <summary>Time of the decision rules (word lists, links, the model, trust) for one submission.</summary>
    public static readonly Histogram<double> ScoringDuration = Meter.CreateHistogram<double>(
        "comments.scoring.duration", "s", "Time spent by the decision rules (including the model) on one submission.", tags: null, SecondsBuckets);

    /// <summary>Time of one whole submission through the pipeline.</summary>
    public static readonly Histogram<double> SubmissionDuration = Meter.CreateHistogram<double>(
        "comments.submission.duration", "s", "Time of one submission through the pipeline, stored or refused.", tags: null, SecondsBuckets);

    /// <summary>Store round trips of a submission, by <c>op</c>: <c>lookups</c> (thread, parent, bans and duplicates, sent together) and <c>save</c> (the one transaction).</summary>
    public static readonly Histogram<double> StoreDuration = Meter.CreateHistogram<double>(
        "comments.store.duration", "s", "Time of a submission's store round trips, by operation (lookups, save).", tags: null, SecondsBuckets);

    public static void RecordStore(string op, long started) =>
        StoreDuration.Record(Seconds(started, Stopwatch.GetTimestamp()), new KeyValuePair<string, object?>("op", op));

    /// <summary>Seconds between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public static double Seconds(long start, long end) => (end - start) / (double)Stopwatch.Frequency;
}
