using Comments.Core.Comments;
using Comments.Core.Storage;

namespace Comments.Core.Moderation;

/// <summary>The moderation queues, reader flags, the audit log and the labels, over the same store as the comments.</summary>
public interface IModerationStore
{
    /// <summary>One page of a queue, oldest first, after an exclusive sequence cursor; optionally one thread only.</summary>
    Task<QueuePage> ListAsync(string site, ModerationQueue queue, string? threadId, long? after, int limit, CancellationToken ct = default);

    Task<QueueCounts> CountAsync(string site, CancellationToken ct = default);

    /// <summary>How the author's earlier comments (by email digest) were decided, over a long window (the moderator's view).</summary>
    Task<AuthorHistory> AuthorHistoryAsync(string site, string emailDigest, CancellationToken ct = default);

    Task<ReportState> ReportsAsync(string site, string commentId, CancellationToken ct = default);

    /// <summary>
    /// Reads the comment, asks <paramref name="decide"/> what to do, and writes the new comment,
    /// every index, the audit entry and the label in one transaction conditioned on the comment
    /// being unchanged since the read; retried when another moderator got there first.
    /// Null when there is no such comment.
    /// </summary>
    Task<ChangeOutcome?> ChangeAsync(string site, string commentId, Func<Comment, bool, Decision> decide, CancellationToken ct = default);

    /// <summary>Records one reader's flag (one per reader per comment) and reports the comment at the threshold.</summary>
    Task<FlagOutcome> AddFlagAsync(string site, string commentId, string readerKey, string reason, int threshold, CancellationToken ct = default);

    Task<long> AppendAuditAsync(string site, AuditEntry entry, CancellationToken ct = default);

    /// <summary>Audit entries newest first, before an exclusive sequence cursor; optionally of one comment.</summary>
    Task<AuditPage> AuditAsync(string site, string? commentId, long? before, int limit, CancellationToken ct = default);

    /// <summary>Every label of the site: the latest decision per comment.</summary>
    Task<IReadOnlyList<Label>> LabelsAsync(string site, CancellationToken ct = default);
}

public sealed record QueuePage(IReadOnlyList<Comment> Comments, long? NextCursor);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? NextCursor);

/// <param name="Flags">Reason code → how many readers flagged the comment for it.</param>
public sealed record ReportState(bool Reported, IReadOnlyDictionary<string, long> Flags);

public enum FlagResult { Added, AlreadyFlagged, NotFlaggable }

public sealed record FlagOutcome(FlagResult Result, long Count, bool BecameReported);

/// <summary>What a moderator action does to a comment, as decided on its current state.</summary>
public abstract record Decision
{
    /// <summary>Nothing to change: the comment is already in the wanted state.</summary>
    public sealed record Unchanged : Decision;

    /// <param name="FieldCode">For a field error, the code of the shared field rule (<c>field.too_long</c>…).</param>
    public sealed record Refused(string Code, string Message, string? FieldCode = null) : Decision;

    /// <param name="ClearReports">Take it off the reported queue and forget its flags.</param>
    public sealed record Change(Comment After, AuditEntry Audit, Label? Label, bool ClearReports) : Decision;
}

/// <param name="Decision">What was decided (a <see cref="Decision.Change"/> when something was written).</param>
/// <param name="WasReported">Whether the comment was on the reported queue before the change.</param>
public sealed record ChangeOutcome(Decision Decision, Comment Before, Comment After, bool WasReported, long PublishedCount);
