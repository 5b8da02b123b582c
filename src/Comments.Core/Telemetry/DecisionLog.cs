using Microsoft.Extensions.Logging;

namespace Comments.Core.Telemetry;

/// <summary>
/// One structured line per decision at Information: ids, decision, reason codes, model version and
/// timings. Never the text, the author's name, email or address (they are personal data).
/// </summary>
public static partial class DecisionLog
{
    [LoggerMessage(EventId = 1100, EventName = "CommentDecided", Level = LogLevel.Information,
        Message = "Comment {CommentId} on {Site}/{ThreadId}: {Decision} ({Reasons}) model {ModelVersion} in {TotalMs:0.###} ms (rules {RulesMs:0.###} ms)")]
    public static partial void Decided(ILogger logger, string commentId, string site, string threadId, string decision,
        string reasons, string modelVersion, double totalMs, double rulesMs);

    /// <summary>At Debug: refusals (floods, duplicates, bad input) come at an attacker's rate.</summary>
    [LoggerMessage(EventId = 1101, EventName = "CommentRefused", Level = LogLevel.Debug,
        Message = "Submission on {Site}/{ThreadId} refused: {Code} in {TotalMs:0.###} ms")]
    public static partial void Refused(ILogger logger, string site, string? threadId, string code, double totalMs);
}
