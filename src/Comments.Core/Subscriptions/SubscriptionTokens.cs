using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Comments.Core.Engagement;

namespace Comments.Core.Subscriptions;

/// <summary>What a signed link lets its holder do.</summary>
public enum TokenPurpose { Confirm, Manage, PersonalData }

/// <summary>A verified link: the site, the address (by digest) and until when it is good.</summary>
public sealed record SubscriptionToken(TokenPurpose Purpose, string Site, string Digest, DateTimeOffset Expires);

/// <summary>
/// The signed links of subscription mails: <c>payload.signature</c>, both base64url, the signature an
/// HMAC-SHA256 of the payload under a key derived from the server secret (<see cref="IServerSecret"/>).
/// The payload names the address by its digest only, so a link in a forwarded mail shows no address.
/// </summary>
public sealed class SubscriptionTokens(IServerSecret secret, TimeProvider clock)
{
    public const int MaxLength = 400;

    public string Create(TokenPurpose purpose, string site, string digest, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{site}|{digest}|{expires.ToString(CultureInfo.InvariantCulture)}");
        return $"{Base64Url(payload)}.{Base64Url(Sign(payload))}";
    }

    /// <summary>The token's claims when it is signed by this server, of this purpose and site, and not expired; otherwise null.</summary>
    public SubscriptionToken? Verify(string? token, TokenPurpose purpose, string site)
    {
        if (token is not { Length: > 0 and <= MaxLength } || token.Split('.') is not [var p, var s]) return null;
        byte[] payload, signature;
        try
        {
            payload = FromBase64Url(p);
            signature = FromBase64Url(s);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature)) return null;
        if (Encoding.UTF8.GetString(payload).Split('|') is not [var kind, var tokenSite, var digest, var exp]) return null;
        if (kind != purpose.ToString() || tokenSite != site || !long.TryParse(exp, CultureInfo.InvariantCulture, out var seconds)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return expires < clock.GetUtcNow() ? null : new SubscriptionToken(purpose, site, digest, expires);
    }

    private byte[] Sign(byte[] payload)
    {
        var key = HMACSHA256.HashData(secret.Key, "subscription-links"u8);
        return HMACSHA256.HashData(key, payload);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
