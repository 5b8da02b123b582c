using Comments.Api.Infrastructure;

namespace Comments.Api.Realtime;

/// <summary>
/// Enforces the per-address cap before a connection is accepted: a WebSocket upgrade or a
/// server-sent-events stream to the hub holds a slot for as long as it is open; one over the cap
/// is answered 429 ProblemDetails and never reaches SignalR. Negotiation is not counted.
/// </summary>
public sealed class ConnectionLimitMiddleware(RequestDelegate next, ConnectionsPerIp connections)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsLongLivedConnection(http))
        {
            await next(http);
            return;
        }
        var ip = ClientInfo.Ip(http);
        if (!connections.TryAcquire(ip))
        {
            var problem = Problems.Of(StatusCodes.Status429TooManyRequests, RealtimeErrors.TooManyConnections,
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
            connections.Release(ip);
        }
    }

    // With WebSockets and server-sent events as the only transports, a GET (or an HTTP/2 CONNECT)
    // of the hub path itself is a connection; negotiate and SSE sends are short POSTs. The
    // WebSockets feature is only added inside the hub's endpoint, so the method is what we can see here.
    private static bool IsLongLivedConnection(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsConnect(http.Request.Method))
        && http.Request.Path.Equals(CommentsHub.Path, StringComparison.OrdinalIgnoreCase);
}
