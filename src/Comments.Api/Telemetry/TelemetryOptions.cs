using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Telemetry;

/// <summary>Who may read the Prometheus scrape endpoint.</summary>
public enum MetricsAccess
{
    /// <summary>No endpoint at all.</summary>
    Off,
    /// <summary>Only a request from this machine (loopback, not forwarded for anyone else): a local Prometheus or agent.</summary>
    Loopback,
    /// <summary>Anyone who reaches the port: only behind a network that keeps strangers out.</summary>
    Anyone,
}

/// <summary>The <c>Telemetry</c> section: the scrape endpoint and OTLP export.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Who may scrape <see cref="MetricsPath"/>. Loopback by default: the numbers are harmless to
    /// readers but tell an attacker how well the filters work and how loaded the node is, so a
    /// stranger gets 403 (also through a trusted proxy, which forwards the stranger's address).
    /// </summary>
    public MetricsAccess Metrics { get; set; } = MetricsAccess.Loopback;

    /// <summary>The path of the Prometheus text endpoint.</summary>
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "must be a path such as /metrics")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>An OTLP collector (gRPC, e.g. http://otel-collector:4317): metrics and traces are pushed there when set.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }
}
