using System.Net;
using Comments.Api.Infrastructure;
using Comments.Core.Submissions;

namespace Comments.Api.Telemetry;

/// <summary>
/// <see cref="MetricsAccess.Loopback"/>: the scrape endpoint answers only a client on this machine.
/// The address is the one the forwarded headers left (a trusted proxy's request counts as its
/// client's); a request that still carries <c>X-Forwarded-For</c> came through an untrusted proxy
/// and is refused too.
/// </summary>
public static class MetricsGate
{
    public static async Task RefuseStrangers(HttpContext http, RequestDelegate next)
    {
        if (IsLocal(http))
        {
            await next(http);
            return;
        }
        await Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.MetricsForbidden,
            "The metrics are only served to this machine (Telemetry:Metrics).").ExecuteAsync(http);
    }

    private static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For");
}
