using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Submissions;

/// <summary>
/// What makes two submissions "the same request" for an Idempotency-Key: the site, the thread and
/// every field the client sent, length-prefixed so no two different requests share a digest.
/// Kept with the first answer; compared in constant time.
/// </summary>
public static class RequestDigest
{
    public static string Of(CommentSubmission s)
    {
        var text = new StringBuilder();
        foreach (var part in new[] { s.Site, s.ThreadId, s.Text, s.AuthorName, s.AuthorEmail, s.AuthorUrl, s.ParentId, s.ThreadTitle, s.ThreadUrl, s.Honeypot })
            text.Append(part is null ? "-1" : part.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
