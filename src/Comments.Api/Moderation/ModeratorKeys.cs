using System.Security.Cryptography;
using Comments.Core.Moderation;
using Comments.Core.Sites;

namespace Comments.Api.Moderation;

/// <summary>
/// Resolves a presented API key to a moderator (see <see cref="ModeratorKey"/>). Configured
/// digests are compared in constant time, every one of them, so the time does not depend on
/// which one matches.
/// </summary>
public sealed class ModeratorKeys
{
    private readonly (byte[] Digest, Moderator Moderator)[] _configured;
    private readonly IModeratorKeyStore _store;

    public ModeratorKeys(ModerationOptions options, IModeratorKeyStore store, SiteDirectory sites)
    {
        _store = store;
        var errors = new List<string>();
        _configured = options.Moderators.Select((m, i) =>
        {
            if (string.IsNullOrWhiteSpace(m.Name)) errors.Add($"Moderation:Moderators:{i}:Name is required.");
            if (!IsDigest(m.KeyHash)) errors.Add($"Moderation:Moderators:{i}:KeyHash must be 64 hex characters (SHA-256 of the key).");
            foreach (var site in m.Sites.Where(s => sites.Find(s) is null))
                errors.Add($"Moderation:Moderators:{i}:Sites names an unknown site '{site}'.");
            return (IsDigest(m.KeyHash) ? Convert.FromHexString(m.KeyHash) : [], new Moderator(m.Name, m.Role, m.Sites.ToArray()));
        }).ToArray();
        if (errors.Count > 0) throw new InvalidOperationException("Invalid Moderation configuration: " + string.Join(" ", errors));
    }

    public async Task<Moderator?> FindAsync(string key, CancellationToken ct)
    {
        if (key.Length is 0 or > 256) return null;
        var digest = ModeratorKey.DigestBytes(key);
        Moderator? found = null;
        foreach (var (configured, moderator) in _configured)
        {
            if (CryptographicOperations.FixedTimeEquals(configured, digest)) found ??= moderator;
        }
        if (found is not null) return found;
        // Stored keys are looked up by digest: the lookup's timing can only tell something about a
        // SHA-256 digest of a guess, which reveals nothing about a real key.
        return await _store.FindAsync(Convert.ToHexStringLower(digest), ct);
    }

    private static bool IsDigest(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
