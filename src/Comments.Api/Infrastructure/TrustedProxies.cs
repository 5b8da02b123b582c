using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Behind a proxy, the reader's address comes from <c>X-Forwarded-For</c>, trusted only from the
/// addresses in <c>ForwardedHeaders:KnownProxies</c> and the CIDR ranges in
/// <c>ForwardedHeaders:KnownNetworks</c> (loopback by default; a balancer in a container network
/// has no fixed address, so give its network: <c>10.0.0.0/8</c>). Both are read when the service
/// starts, and a value that is not an address or a range stops it with the setting's name.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Read<IPAddress>(configuration, "ForwardedHeaders:KnownProxies", (string t, out IPAddress v) => IPAddress.TryParse(t, out v!), "an IP address such as 10.0.0.2");
        var networks = Read<System.Net.IPNetwork>(configuration, "ForwardedHeaders:KnownNetworks", (string t, out System.Net.IPNetwork v) => System.Net.IPNetwork.TryParse(t, out v), "a CIDR range such as 10.0.0.0/8");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static List<T> Read<T>(IConfiguration configuration, string key, TryParse<T> parse, string expected)
    {
        var values = new List<T>();
        foreach (var item in configuration.GetSection(key).GetChildren())
        {
            if (!parse((item.Value ?? "").Trim(), out var value))
                throw new InvalidOperationException($"{key}:{item.Key} is '{item.Value}', which is not {expected}.");
            values.Add(value);
        }
        return values;
    }
}
