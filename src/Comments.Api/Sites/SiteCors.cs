using Comments.Core.Sites;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Comments.Api.Sites;

/// <summary>CORS per site: the policy of <c>/api/sites/{site}/…</c> allows only that site's origins.</summary>
public sealed class SiteCors(SiteDirectory sites) : ICorsPolicyProvider
{
    public const string PolicyName = "site-origins";

    private static readonly CorsPolicy Closed = new CorsPolicyBuilder().Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != PolicyName) return Task.FromResult<CorsPolicy?>(null);
        var site = sites.Find(context.GetRouteValue("site") as string ?? "");
        if (site is null) return Task.FromResult<CorsPolicy?>(Closed);
        var policy = new CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => SiteOrigins.IsAllowed(site, origin))
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Idempotency-Key", "If-None-Match")
            .WithExposedHeaders("Location", "ETag", "Retry-After", "Author-Token")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
        return Task.FromResult<CorsPolicy?>(policy);
    }
}
