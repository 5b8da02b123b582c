using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Comments;

/// <summary>
/// Keys for indexes by author and text. An email is never part of a key here: it goes through
/// <see cref="StoreDigests.Email"/>, keyed with the server secret.
/// </summary>
public static class AuthorKeys
{
    public static string NameKey(string name) => TextNormalizerKey(name);

    /// <summary>The digest that detects the same text posted twice in one thread.</summary>
    public static string TextDigest(string normalizedText) => Digest(normalizedText.ToLowerInvariant());

    private static string TextNormalizerKey(string value) => Text.TextNormalizer.Normalize(value).ToLowerInvariant();

    private static string Digest(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
