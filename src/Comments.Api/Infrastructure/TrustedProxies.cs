using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The <c>ForwardedHeaders</c> section. Behind a proxy, the reader's address comes from
/// <c>X-Forwarded-For</c>, trusted only from the addresses in <c>KnownProxies</c> and the CIDR
/// ranges in <c>KnownNetworks</c> (loopback by default; a balancer in a container network has no
/// fixed address, so give its network: <c>10.0.0.0/8</c>).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Binds <see cref="TrustedProxyOptions"/>; a value that is not an address or a range stops start-up
/// with the setting's name.
/// </summary>
public static class TrustedProxies
{
    private const string Proxy = "an IP address such as 10.0.0.2";
    private const string Network = "a CIDR range such as 10.0.0.0/8";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TrustedProxyOptions>(configuration, TrustedProxyOptions.Section);
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, Validation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((o, trusted) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in trusted.Value.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in trusted.Value.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        return services;
    }

    private sealed class Validation : IValidateOptions<TrustedProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options) =>
            Errors(options) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private static List<string> Errors(TrustedProxyOptions o) =>
    [
        .. o.KnownProxies.Select((v, i) => (v, i)).Where(p => !IPAddress.TryParse(p.v.Trim(), out _))
            .Select(p => $"{TrustedProxyOptions.Section}:KnownProxies:{p.i} is '{p.v}', which is not {Proxy}."),
        .. o.KnownNetworks.Select((v, i) => (v, i)).Where(p => !System.Net.IPNetwork.TryParse(p.v.Trim(), out _))
            .Select(p => $"{TrustedProxyOptions.Section}:KnownNetworks:{p.i} is '{p.v}', which is not {Network}."),
    ];
}
