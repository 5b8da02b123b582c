using System.Security.Cryptography;
using System.Text;
using Comments.Core.Engagement;

namespace Comments.Core.Comments;

/// <summary>
/// The one way an email, an address or a reader token becomes part of a store key or value:
/// HMAC-SHA256 under the server secret (<see cref="IServerSecret"/>), 128 bits in hex. A dump of
/// the store cannot be reversed with a dictionary of emails or IPs without the secret; the digests
/// never leave the store. Each kind has its own label, so one digest never stands for another.
/// <para>
/// The key may not be at hand at first use (<see cref="ServerSecretUnavailableException"/>, a 503):
/// callers that must not fail half-way call <see cref="ReadyAsync"/> first.
/// </para>
/// </summary>
public sealed class StoreDigests(IServerSecret secret)
{
    /// <summary>Reads the key now if it is not at hand yet. Throws <see cref="ServerSecretUnavailableException"/>.</summary>
    public ValueTask ReadyAsync(CancellationToken ct = default) => secret.LoadAsync(ct);

    /// <summary>An author's email, case and surrounding space ignored: bans, flood windows, author history.</summary>
    public string Email(string email) => Digest("email", email.Trim().ToLowerInvariant());

    /// <summary>A client address by its limit key (<see cref="AddressKeys"/>: IPv6 by /64): flood windows, likes, flags.</summary>
    public string Address(string ip) => Digest("address", AddressKeys.LimitKey(ip));

    /// <summary>A reader's per-browser token, scoped to the site.</summary>
    public string Reader(string site, string token) => Digest("reader", site + "\n" + token);

    private string Digest(string kind, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret.Key, Encoding.UTF8.GetBytes(kind + "\n" + value)).AsSpan(0, 16));
}
