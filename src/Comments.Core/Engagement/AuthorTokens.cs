using System.Security.Cryptography;
using System.Text;
using Comments.Core.Comments;

namespace Comments.Core.Engagement;

/// <summary>
/// The token a submission returns to its author alone: HMAC-SHA256 of the site, the comment id and
/// the comment's own random nonce under a server secret, base64url. It reveals nothing (not the
/// email, not the IP, not the secret), it is never broadcast or listed, and only its holder can
/// prove "I wrote this" — of that comment only: a comment that was lost and whose id came back
/// has another nonce. The widget keeps it to show the reader their own held comment.
/// </summary>
public sealed class AuthorTokens(IServerSecret secret)
{
    /// <summary>The response header of a 201 that carries the token (a 202 carries it in its body).</summary>
    public const string Header = "Author-Token";

    /// <summary>
    /// Makes sure the key is at hand, so that signing after a save needs no store round trip that
    /// could fail once the comment is stored. Throws <see cref="ServerSecretUnavailableException"/>.
    /// </summary>
    public ValueTask ReadyAsync(CancellationToken ct = default) => secret.LoadAsync(ct);

    /// <summary>A fresh nonce for a new comment: 128 random bits, base64url.</summary>
    public static string NewNonce() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public string For(string site, string commentId, string? nonce)
    {
        var message = nonce is null ? $"author\n{site}\n{commentId}" : $"author\n{site}\n{commentId}\n{nonce}";
        return Base64Url(HMACSHA256.HashData(secret.Key, Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>Whether a token could be one at all, checked before anything is read.</summary>
    public static bool IsWellFormed(string? token) => token is { Length: > 0 and <= 64 };

    /// <summary>Constant-time check of a token a client sent back, against the stored comment it claims.</summary>
    public bool Verify(Comment comment, string? token) =>
        IsWellFormed(token)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(comment.Site, comment.Id, comment.AuthorNonce)), Encoding.ASCII.GetBytes(token!));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The key could not be read (the store did not answer, or refused): retry later.</summary>
public sealed class ServerSecretUnavailableException(Exception inner)
    : Exception("The server secret could not be read from the store.", inner);
