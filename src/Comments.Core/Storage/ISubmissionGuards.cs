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
    /// Opens a flood window for every key when none is open; otherwise returns how long the
    /// longest open window still lasts and opens nothing.
    /// </summary>
    Task<TimeSpan?> TryEnterFloodWindowAsync(string site, IReadOnlyCollection<string> keys, TimeSpan interval, CancellationToken ct = default);

    Task<bool> IsDuplicateAsync(string site, string threadId, string textDigest, CancellationToken ct = default);
}
