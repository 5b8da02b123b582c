using System.Security.Cryptography;
using Comments.Core.Moderation;
using Microsoft.Extensions.Options;

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

    public ModeratorKeys(IOptions<ModerationOptions> options, IModeratorKeyStore store)
    {
        _store = store;
        // The section is validated at start-up (ModerationOptionsValidation): every digest is well formed.
        _configured = options.Value.Moderators
            .Select(m => (Convert.FromHexString(m.KeyHash), new Moderator(m.Name, m.Role, m.Sites.ToArray())))
            .ToArray();
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

    internal static bool IsDigest(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
