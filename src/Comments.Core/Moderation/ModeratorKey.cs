using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Moderation;

/// <summary>
/// Moderator API keys: long random tokens, so a plain SHA-256 digest is what is stored and
/// configured (as for API tokens elsewhere); the key itself is shown once and never kept.
/// </summary>
public static class ModeratorKey
{
    /// <summary>32 random bytes, URL-safe, recognisable by its prefix.</summary>
    public static string New() =>
        "mk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] DigestBytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Digest(string key) => Convert.ToHexStringLower(DigestBytes(key));
}
