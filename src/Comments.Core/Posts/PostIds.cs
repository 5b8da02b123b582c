using System.Security.Cryptography;
using System.Text;

using Comments.Core.Subscriptions;

namespace Comments.Core.Posts;

public static class PostIds
{
    /// <summary>A post's id: 32 hex digits of the SHA-256 of its absolute URL without its fragment, so the same link is the same post.</summary>
    public static string Of(Uri url)
    {
        var normal = new UriBuilder(url) { Fragment = "" }.Uri.AbsoluteUri;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)).AsSpan(0, 16));
    }

    public static bool IsId(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);

    public static string Name(this PostFrequency frequency) => frequency.ToString().ToLowerInvariant();
}
