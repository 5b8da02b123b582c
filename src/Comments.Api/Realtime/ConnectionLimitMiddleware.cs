using Microsoft.Extensions.Options;
using Comments.Api.Infrastructure;
using Comments.Api.Limits;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;

using Comments.Core.Submissions;

namespace Comments.Api.Realtime;

/// <summary>
/// Enforces the per-address cap on live connections before one is accepted: a WebSocket upgrade
/// or a server-sent-events stream to the readers' hub holds a slot for as long as it is open; one
/// over the cap is answered 429 ProblemDetails and never reaches SignalR. It decides on the endpoint
/// routing chose, not on the path as written, so no spelling of the path (a trailing slash, a query,
/// another case) gets around it. Negotiation is not counted (it is rate-limited instead).
/// </summary>
public sealed class ConnectionLimitMiddleware(RequestDelegate next, HubConnectionsPerAddress connections)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsLongLivedConnection(http))
        {
            await next(http);
            return;
        }
        var key = ClientInfo.LimitKey(http);
        if (!connections.Slots.TryAcquire(key))
        {
            var problem = Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.RealtimeTooManyConnections,
                "Too many live connections from your address.");
            await problem.ExecuteAsync(http);
            return;
        }
        try
        {
            await next(http);
        }
        finally
        {
            connections.Slots.Release(key);
        }
    }

    // With WebSockets and server-sent events as the only transports, a GET (or an HTTP/2 CONNECT)
    // of the hub's connection endpoint is a connection; negotiate and SSE sends are short POSTs.
    private static bool IsLongLivedConnection(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsConnect(http.Request.Method))
        && http.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<HubMetadata>()?.HubType == typeof(CommentsHub)
        && metadata.GetMetadata<NegotiateMetadata>() is null;
}

/// <summary>The open live connections of each client address on this node, against <see cref="RealtimeOptions.MaxConnectionsPerIp"/>.</summary>
public sealed class HubConnectionsPerAddress(IOptions<RealtimeOptions> options)
{
    public ConnectionsPerAddress Slots { get; } = new(options.Value.MaxConnectionsPerIp);
}
