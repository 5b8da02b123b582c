namespace Comments.Core.Storage;

/// <summary>The shared state behind the pipeline's guards: replays, bans, flood windows, duplicates.</summary>
public interface ISubmissionGuards
{
    Task<SubmissionAnswer?> FindAnswerAsync(string site, string idempotencyKey, CancellationToken ct = default);

    /// <summary>The first ban that matches any of the author's email digest, IP or name key.</summary>
    Task<Ban?> FindBanAsync(string site, string? emailDigest, string ip, string? nameKey, CancellationToken ct = default);

    Task AddBanAsync(string site, Ban ban, CancellationToken ct = default);

    Task RemoveBanAsync(string site, BanKind kind, string value, CancellationToken ct = default);

    /// <summary>The bans in force, newest first; expired ones are dropped on the way.</summary>
    Task<IReadOnlyList<Ban>> ListBansAsync(string site, CancellationToken ct = default);

    /// <summary>
    /// How long the longest open flood window of the keys still lasts, or null when none is open. Reads
    /// only: the save opens the windows, in the comment's transaction (<see cref="NewCommentWrite.Flood"/>).
    /// </summary>
    Task<TimeSpan?> FloodWaitAsync(string site, IReadOnlyCollection<string> keys, CancellationToken ct = default);

    Task<bool> IsDuplicateAsync(string site, string threadId, string textDigest, CancellationToken ct = default);
}
