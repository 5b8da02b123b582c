using System.Globalization;
using System.Threading.RateLimiting;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.RateLimiting;

namespace Comments.Api.Infrastructure;

/// <summary>The <c>RateLimits</c> section: requests per client IP per minute, per node.</summary>
public sealed class RateLimitOptions
{
    public int PostsPerMinute { get; set; } = 20;
    public int ReadsPerMinute { get; set; } = 1200;
    /// <summary>SignalR negotiations (a page load or a reconnect each make one).</summary>
    public int NegotiatesPerMinute { get; set; } = 60;
}

public static class RateLimits
{
    public const string PostPolicy = "posts";
    public const string ReadPolicy = "reads";
    public const string NegotiatePolicy = "negotiates";

    public static IServiceCollection AddCommentRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PostPolicy, http => PerIp(http, options.PostsPerMinute));
            limiter.AddPolicy(ReadPolicy, http => PerIp(http, options.ReadsPerMinute));
            limiter.AddPolicy(NegotiatePolicy, http => PerIp(http, options.NegotiatesPerMinute));
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

    private static RateLimitPartition<string> PerIp(HttpContext http, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientInfo.LimitKey(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
