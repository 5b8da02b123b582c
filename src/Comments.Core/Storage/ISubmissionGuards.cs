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

public enum BanKind { Email, Ip, Name }

/// <param name="Value">Email digest, IP address or name key (see <see cref="Comments.AuthorKeys"/>).</param>
/// <param name="ExpiresAt">Null bans for good.</param>
/// <param name="Shown">The value as moderators may see it (a masked email); null on bans made before it was kept.</param>
/// <param name="By">The moderator who made it.</param>
/// <param name="At">When it was made.</param>
public sealed record Ban(BanKind Kind, string Value, DateTimeOffset? ExpiresAt, string? Reason,
    string? Shown = null, string? By = null, DateTimeOffset? At = null)
{
    /// <summary>Names one ban: "email:DIGEST", "ip:ADDRESS" or "name:KEY". Also how a ban is lifted from the list.</summary>
    public static string IdOf(BanKind kind, string value) => $"{kind.ToLowerName()}:{value}";

    public static bool TryParseId(string? id, out BanKind kind, out string value)
    {
        (kind, value) = (default, "");
        var colon = id?.IndexOf(':') ?? -1;
        if (colon <= 0 || colon == id!.Length - 1 || !Enum.TryParse(id[..colon], ignoreCase: true, out kind) || !Enum.IsDefined(kind)) return false;
        value = id[(colon + 1)..];
        return true;
    }
}
