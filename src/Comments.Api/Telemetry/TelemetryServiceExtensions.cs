using Comments.Api.Events;
using Comments.Api.Infrastructure;
using Comments.Core.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Comments.Api.Telemetry;

/// <summary>
/// "See inside": the service's meter (decisions, scoring time, hubs, events, moderation, store
/// errors) with the ASP.NET Core, Kestrel, SignalR and runtime meters, scraped by Prometheus at
/// <see cref="TelemetryOptions.MetricsPath"/> and pushed over OTLP when
/// <see cref="TelemetryOptions.OtlpEndpoint"/> is set (traces of each submission too).
/// </summary>
public static class TelemetryServiceExtensions
{
    /// <summary>The framework's own meters (ASP.NET Core 8+ emits them; these are the ones operators read).</summary>
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
    ];

    /// <summary>Register after the other subscribers: an event counts as delivered once they all ran.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TelemetryOptions>(configuration, TelemetryOptions.Section);
        services.AddCommentEventSubscriber<EventMetrics>();
        services.Configure<HubOptions>(o => o.AddFilter<HubConnectionsFilter>());

        // Whether to export is a start-up choice of the providers, so it is read here; the same
        // section is bound and validated at start above.
        var otlp = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.OtlpEndpoint;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(CommentsDiagnostics.Name.ToLowerInvariant()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CommentsDiagnostics.Name).AddMeter(FrameworkMeters)
                    .AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    // Every scrape is fresh (the default caches it 300 ms): a scrape right after a POST shows it.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (!string.IsNullOrWhiteSpace(otlp)) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        // Spans are only made while something listens: without a collector the pipeline's
        // ActivitySource has no listener and StartActivity returns null.
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing.AddSource(CommentsDiagnostics.Name)
                .AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return services;
    }

    /// <summary>The scrape endpoint, refused (403) to anyone <see cref="TelemetryOptions.Metrics"/> does not allow.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Metrics == MetricsAccess.Off) return app;
        var path = new PathString(options.MetricsPath);
        if (options.Metrics == MetricsAccess.Loopback)
        {
            // By segments, as routing matches: "/metrics/" and "/METRICS" reach the endpoint too.
            app.UseWhen(http => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase),
                branch => branch.Use(MetricsGate.RefuseStrangers));
        }
        app.MapPrometheusScrapingEndpoint(options.MetricsPath);
        return app;
    }
}
