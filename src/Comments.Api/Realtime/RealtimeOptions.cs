using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Realtime;

/// <summary>The <c>Realtime</c> section: limits and timeouts of the live comment stream, per node.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>Threads one connection may follow at once. A page shows one thread; a list page shows a few.</summary>
    [Range(1, 1_000)]
    public int MaxThreadsPerConnection { get; set; } = 20;

    /// <summary>
    /// Open connections from one client address. Generous because offices and mobile carriers put
    /// many readers behind one address; it stops one host from exhausting a node's sockets.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxConnectionsPerIp { get; set; } = 100;

    /// <summary>
    /// How often the server pings an idle connection. 15 s keeps NATs and proxies (which often drop
    /// idle TCP after 30–60 s) from cutting the socket, and lets clients notice a dead server
    /// within their 30 s server timeout (the clients' default is twice this).
    /// </summary>
    [Range(1, 300)]
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>
    /// A client that sends nothing (clients ping every 15 s) for this long is dropped, freeing its
    /// slot; twice the client's ping interval, so one lost ping is not a disconnect.
    /// </summary>
    [Range(2, 600)]
    public int ClientTimeoutSeconds { get; set; } = 30;
}
