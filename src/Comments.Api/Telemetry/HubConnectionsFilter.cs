using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Telemetry;

/// <summary>Counts open connections of every hub (a global hub filter: no hub knows about it).</summary>
public sealed class HubConnectionsFilter : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        HostMetrics.HubConnections.Add(1, Hub(context));
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        HostMetrics.HubConnections.Add(-1, Hub(context));
        await next(context, exception);
    }

    private static KeyValuePair<string, object?> Hub(HubLifetimeContext context) => new("hub", context.Hub.GetType().Name);
}
