using System.Net;
using System.Net.Sockets;

namespace Comments.Core.Comments;

/// <summary>
/// The one key under which a client address is limited (rate limits, flood windows, likes, flags,
/// live and TCP connections). IPv4 counts per address. IPv6 counts per /64: one subscriber usually
/// holds a whole /64 (often more) and can pick any address in it, so a per-address count would be
/// no limit at all.
/// </summary>
public static class AddressKeys
{
    public const string Unknown = "unknown";

    public static string LimitKey(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The limit key of an address kept as text (as on a submission); text that is not an address is its own key.</summary>
    public static string LimitKey(string ip) => IPAddress.TryParse(ip, out var address) ? LimitKey(address) : ip;
}
