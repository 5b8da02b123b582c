using System.Security.Cryptography;
using System.Text;

namespace Comments.Core.Engagement;

/// <summary>
/// The token a submission returns to its author alone: HMAC-SHA256 of the site and comment id
/// under a server secret, base64url. It reveals nothing (not the email, not the IP, not the
/// secret), it is never broadcast or listed, and only its holder can prove "I wrote this".
/// The widget keeps it to show the reader their own held comment.
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

    public string For(string site, string commentId)
    {
        var mac = HMACSHA256.HashData(secret.Key, Encoding.UTF8.GetBytes($"author\n{site}\n{commentId}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Constant-time check of a token a client sent back.</summary>
    public bool Verify(string site, string commentId, string? token) =>
        token is { Length: > 0 and <= 64 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(site, commentId)), Encoding.ASCII.GetBytes(token));
}

/// <summary>The server's signing key: from configuration, or generated once and kept in the store.</summary>
public interface IServerSecret
{
    /// <summary>The key; read from the store if start-up could not. Throws <see cref="ServerSecretUnavailableException"/>.</summary>
    byte[] Key { get; }

    /// <summary>Reads the key now if it is not at hand yet; a failure is not remembered.</summary>
    ValueTask LoadAsync(CancellationToken ct = default);
}

/// <summary>The key could not be read (the store did not answer, or refused): retry later.</summary>
public sealed class ServerSecretUnavailableException(Exception inner)
    : Exception("The server secret could not be read from the store.", inner);
