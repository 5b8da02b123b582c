using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Comments;

/// <summary>
/// Keys for indexes by author. An email appears in a key only as a SHA-256 digest (never MD5,
/// never raw), and such keys are never shown to readers.
/// </summary>
public static class AuthorKeys
{
    public static string EmailDigest(string email) => Digest(email.Trim().ToLowerInvariant());

    public static string NameKey(string name) => TextNormalizerKey(name);

    /// <summary>The digest that detects the same text posted twice in one thread.</summary>
    public static string TextDigest(string normalizedText) => Digest(normalizedText.ToLowerInvariant());

    private static string TextNormalizerKey(string value) => Text.TextNormalizer.Normalize(value).ToLowerInvariant();

    private static string Digest(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
