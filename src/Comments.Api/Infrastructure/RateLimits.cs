using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The <c>RateLimits</c> section: requests per client IP per minute. Posts (comments, flags, author edits) are
/// counted in the store, so the limit holds for all nodes together; reads and negotiations are counted by each
/// node in its memory (a store round trip per read would cost more than it protects), so behind a balancer
/// over N nodes an address gets up to N times those.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000_000)]
    public int PostsPerMinute { get; set; } = 20;
    [Range(1, 100_000_000)]
    public int ReadsPerMinute { get; set; } = 1200;
    /// <summary>SignalR negotiations (a page load or a reconnect each make one).</summary>
    [Range(1, 100_000_000)]
    public int NegotiatesPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    public const string PostPolicy = "posts";
    public const string ReadPolicy = "reads";
    public const string NegotiatePolicy = "negotiates";

    public static IServiceCollection AddCommentRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PostPolicy, http => PerIpInStore(http, PostPolicy, Current(http).PostsPerMinute));
            limiter.AddPolicy(ReadPolicy, http => PerIp(http, Current(http).ReadsPerMinute));
            limiter.AddPolicy(NegotiatePolicy, http => PerIp(http, Current(http).NegotiatesPerMinute));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                    http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var problem = Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests. Try again later.");
                await problem.ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>Read through the options monitor, not a start-time copy; an address's limiter keeps the value it was made with until it idles out.</summary>
    private static RateLimitOptions Current(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;

    private static RateLimitPartition<string> PerIpInStore(HttpContext http, string policy, int permitsPerMinute)
    {
        var address = ClientInfo.LimitKey(http);
        var services = http.RequestServices;
        return RateLimitPartition.Get($"{address}|{permitsPerMinute}", _ => new StoreRateLimiter(
            services.GetRequiredService<IRequestWindows>(), services.GetRequiredService<StoreDigests>(), policy, address, permitsPerMinute));
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientInfo.LimitKey(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
