using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Comments.Core.Sites;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Comments.Api.Realtime;

public static class RealtimeServiceExtensions
{
    /// <summary>
    /// The readers' live stream: the hub, its limits and timeouts, and the broadcaster that
    /// subscribes to comment events. SignalR and its backplane are set up by <see cref="Backplane"/>.
    /// </summary>
    public static IServiceCollection AddCommentsRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RealtimeOptions>(configuration, RealtimeOptions.Section);
        services.AddSingleton<HubConnectionsPerAddress>();
        services.AddCommentEventSubscriber<CommentBroadcaster>();

        services.AddOptions<HubOptions>().Configure<IOptions<RealtimeOptions>>((hub, realtime) =>
        {
            var options = realtime.Value;
            hub.EnableDetailedErrors = false;
            hub.KeepAliveInterval = TimeSpan.FromSeconds(options.KeepAliveSeconds);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(options.ClientTimeoutSeconds);
            hub.HandshakeTimeout = TimeSpan.FromSeconds(10);
            // Readers only send JoinThread/LeaveThread with two short ids.
            hub.MaximumReceiveMessageSize = 1024;
            hub.MaximumParallelInvocationsPerClient = 1;
        });
        return services;
    }

    /// <summary>Maps the hub at <see cref="CommentsHub.Path"/>, behind the per-address connection cap.</summary>
    public static WebApplication MapCommentsHub(this WebApplication app)
    {
        app.UseMiddleware<ConnectionLimitMiddleware>();

        var sites = app.Services.GetRequiredService<SiteDirectory>();
        app.MapHub<CommentsHub>(CommentsHub.Path, connection =>
        {
            // WebSockets, with server-sent events for networks that block them. No long polling:
            // every connection is then one long-lived request, which the connection cap counts.
            connection.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents;
            connection.ApplicationMaxBufferSize = 4 * 1024;
        })
        // Negotiation from a browser: any configured site's origin. Which threads a page may follow
        // is not a secret (the same comments are public over GET).
        .RequireCors(policy => policy
            .SetIsOriginAllowed(origin => sites.All.Any(site => SiteOrigins.IsAllowed(site, origin)))
            .AllowCredentials()
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "X-Requested-With", "X-SignalR-User-Agent"))
        // Negotiation is where a connection begins: rate-limited per address like any other request.
        .Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<NegotiateMetadata>().Any())
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(RateLimits.NegotiatePolicy));
        });
        return app;
    }
}
