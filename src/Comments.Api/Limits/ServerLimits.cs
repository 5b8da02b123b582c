using System.Net;
using Comments.Api.Infrastructure;
using Comments.Core.Comments;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Comments.Api.Limits;

public static partial class ServerLimits
{
    /// <summary>
    /// Kestrel's limits from the validated <c>Limits</c> section, and on every endpoint a connection
    /// middleware that closes a client's connection over its per-address cap before any byte is read.
    /// </summary>
    public static IServiceCollection AddServerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ServerLimitsOptions>(configuration, "Limits");
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsOptions>, ILoggerFactory>((kestrel, options, logs) =>
        {
            var o = options.Value;
            var limits = kestrel.Limits;
            limits.MaxConcurrentConnections = o.MaxConnections;
            limits.MaxConcurrentUpgradedConnections = o.MaxUpgradedConnections;
            limits.KeepAliveTimeout = TimeSpan.FromSeconds(o.KeepAliveSeconds);
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(o.RequestHeadersTimeoutSeconds);
            limits.MinRequestBodyDataRate = new MinDataRate(o.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5));
            limits.MinResponseDataRate = new MinDataRate(o.MinResponseBytesPerSecond, TimeSpan.FromSeconds(5));
            limits.MaxRequestHeadersTotalSize = o.MaxRequestHeadersBytes;
            limits.MaxRequestHeaderCount = o.MaxRequestHeaderCount;
            limits.MaxRequestLineSize = o.MaxRequestLineBytes;
            limits.Http2.MaxStreamsPerConnection = 100;

            var perAddress = new ConnectionsPerAddress(o.MaxConnectionsPerAddress);
            var logger = logs.CreateLogger(typeof(ServerLimits).FullName!);
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection => CappedAsync(connection, next, perAddress, logger)));
        });
        return services;
    }

    private static async Task CappedAsync(ConnectionContext connection, ConnectionDelegate next, ConnectionsPerAddress perAddress, ILogger logger)
    {
        if (connection.RemoteEndPoint is not IPEndPoint remote)
        {
            await next(connection);
            return;
        }
        var key = AddressKeys.LimitKey(remote.Address);
        if (!perAddress.TryAcquire(key))
        {
            // Debug only: a flood of refusals must not become a flood of log lines.
            LogRefused(logger, perAddress.Max);
            connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            perAddress.Release(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closed a connection over the per-address cap of {Max}")]
    private static partial void LogRefused(ILogger logger, int max);
}
