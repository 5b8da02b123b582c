using System.Text.Json;
using Comments.Core.Scoring;
using Comments.Core.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Comments.Api.Health;

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddCommentHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            .AddCheck<ModelHealthCheck>("model", tags: [ReadyTag])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [ReadyTag])
            .AddCheck<StoreCapacityHealthCheck>("capacity", tags: [ReadyTag])
            .AddCheck<SubmissionWarmup>("warmup", tags: [ReadyTag]);
        services.AddHostedService<ModelWarmup>();
        // After the store, the token secret and the models (registered before): one instance is the warm-up and its readiness check.
        services.AddSingleton<SubmissionWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<SubmissionWarmup>());
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the store answers too (degraded still serves).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        return routes;
    }

    private static Task WriteJson(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}

/// <summary>
/// Degraded, not unhealthy, without a model: the service still takes comments and holds every
/// one of them for a moderator (fail closed), so a load balancer should keep sending traffic.
/// </summary>
public sealed class ModelHealthCheck(ICommentScorer scorer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var health = scorer.Health;
        return Task.FromResult(health.Ready
            ? HealthCheckResult.Healthy(health.Description)
            : HealthCheckResult.Degraded(health.Description + " Every comment is held for a moderator."));
    }
}

/// <summary>
/// Loads the models and scores one text before the first request instead of during it, so the
/// featurizer and the prediction engines are compiled and pooled when readiness turns green.
/// </summary>
public sealed class ModelWarmup(ICommentScorer scorer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (scorer.Health.Ready) _ = scorer.Score("warm-up: a first comment with a link https://example.com/post and some words");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class StoreHealthCheck(ICommentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await store.PingAsync(ct).WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.");
        }
    }
}
