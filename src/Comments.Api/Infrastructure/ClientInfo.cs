using Comments.Core.Comments;

namespace Comments.Api.Infrastructure;

public static class ClientInfo
{
    /// <summary>
    /// The reader's address after forwarded headers were applied (only from trusted proxies,
    /// see <c>ForwardedHeaders</c> in Program). Used for bans, flood windows and rate limits; never shown.
    /// </summary>
    public static string Ip(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>The key the reader's address is limited under (IPv6 by /64): rate limits, floods, likes, flags, connections.</summary>
    public static string LimitKey(HttpContext context) => AddressKeys.LimitKey(context.Connection.RemoteIpAddress);

    public static string? UserAgent(HttpContext context)
    {
        var value = context.Request.Headers.UserAgent.ToString();
        return value.Length == 0 ? null : value[..Math.Min(value.Length, 512)];
    }
}
