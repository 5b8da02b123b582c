using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Limits;

/// <summary>
/// The <c>Limits</c> section: what one node lets clients hold, so that no client (and no crowd of
/// idle sockets) can exhaust its memory. Per node; defaults fit a small VM.
/// </summary>
public sealed class ServerLimitsOptions
{
    /// <summary>Open TCP connections in all (Kestrel's MaxConcurrentConnections).</summary>
    [Range(1, 1_000_000)]
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Connections upgraded to WebSockets, which live readers hold for as long as they read.</summary>
    [Range(1, 1_000_000)]
    public int MaxUpgradedConnections { get; set; } = 10_000;

    /// <summary>
    /// Open TCP connections from one client address (IPv6: one /64). A connection over it is closed at
    /// once. Behind a reverse proxy every connection comes from the proxy: set this above the number of
    /// connections the proxy keeps open.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; } = 256;

    /// <summary>How long an idle connection (before its first request, or between requests) is kept.</summary>
    [Range(1, 3_600)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How long a client may take to send a request's headers.</summary>
    [Range(1, 3_600)]
    public int RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>A request body slower than this (after a 5 s grace period) is cut off with 408.</summary>
    [Range(1, 1_000_000)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>A client that reads a response slower than this (after a 5 s grace period) is disconnected.</summary>
    [Range(1, 1_000_000)]
    public int MinResponseBytesPerSecond { get; set; } = 240;

    /// <summary>All request headers together.</summary>
    [Range(1_024, 1_048_576)]
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    [Range(8, 1_000)]
    public int MaxRequestHeaderCount { get; set; } = 64;

    /// <summary>The request line (method, path and query).</summary>
    [Range(256, 1_048_576)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}
