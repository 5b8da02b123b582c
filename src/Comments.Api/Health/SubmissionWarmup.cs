using System.Diagnostics;
using System.Text;
using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Comments.Api.Health;

/// <summary>
/// Readiness means the POST path is warm, not only that the store answers. Before the server takes
/// requests: a dry run of the submission pipeline that stores nothing (validation, rendering, the
/// store's read lookups, bans, word lists, model and trust, as an author's edit is reviewed). Once the
/// server listens: one real POST over loopback with an empty text, which goes through routing, rate
/// limiting, the JSON body, the token key and the pipeline to its 400 (nothing is stored). Until both
/// are done the <c>warmup</c> readiness check is Unhealthy.
/// </summary>
public sealed partial class SubmissionWarmup(
    IServiceProvider services, IServer server, IHostApplicationLifetime lifetime, ILogger<SubmissionWarmup> logger)
    : IHostedService, IHealthCheck
{
    public const string Thread = "warm-up";
    private const string Text = "Warm-up: a first comment, with a link https://example.com/post and *some* words.";

    private volatile string? _done;
    private double _dryRunMs;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sites = services.GetRequiredService<SiteDirectory>();
        if (sites.All.FirstOrDefault() is { } site)
        {
            var submission = new CommentSubmission { Site = site.Id, ThreadId = Thread, Text = Text, AuthorName = "Warm Up", AuthorEmail = "warm-up@example.com", Ip = "127.0.0.1" };
            await CommentSubmissionValidator.RequiringIdentity.ValidateAsync(submission, cancellationToken);
            var html = services.GetRequiredService<CommentRenderer>().Render(Text);
            var comment = new Comment
            {
                Id = "1", Seq = 1, Site = site.Id, ThreadId = Thread, Text = Text, Html = html, AuthorName = "Warm Up",
                AuthorEmail = "warm-up@example.com", Ip = "127.0.0.1", Status = CommentStatus.Published, CreatedAt = DateTimeOffset.UtcNow,
            };
            try
            {
                await services.GetRequiredService<SubmissionPipeline>().ReviewEditAsync(site, comment, Text, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store that is down at start: the service still starts (the store check reports it).
                LogDryRunFailed(e.GetType().Name);
            }
        }
        _dryRunMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lifetime.ApplicationStarted.Register(() => _ = WarmPostPathAsync(sites.All.FirstOrDefault()));
    }

    private async Task WarmPostPathAsync(SiteOptions? site)
    {
        var started = Stopwatch.GetTimestamp();
        string post;
        try
        {
            post = site is not null && LoopbackAddress() is { } address
                ? await PostEmptyCommentAsync(address, site.Id)
                : "no loopback HTTP address or no site: the HTTP part was skipped";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            post = $"the loopback POST failed ({e.GetType().Name})";
        }
        _done = $"Warm: pipeline dry run {_dryRunMs:0} ms, first POST {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms ({post}).";
        LogWarm(_done);
    }

    private static async Task<string> PostEmptyCommentAsync(Uri address, string site)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var body = new StringContent("""{"text":"","authorName":"Warm Up","authorEmail":"warm-up@example.com"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/api/sites/{Uri.EscapeDataString(site)}/threads/{Thread}/comments", body);
        return $"answered {(int)response.StatusCode}";
    }

    /// <summary>An http address the server listens on, as a loopback address (wildcards and host names become 127.0.0.1).</summary>
    private Uri? LoopbackAddress()
    {
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var url = address.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
                return new UriBuilder(uri) { Host = uri.IsLoopback || uri.HostNameType == UriHostNameType.Dns ? "127.0.0.1" : uri.Host }.Uri;
        }
        return null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_done is { } done
            ? HealthCheckResult.Healthy(done)
            : HealthCheckResult.Unhealthy("Warming up the submission path."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission path warm-up done. {Result}")]
    private partial void LogWarm(string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission pipeline dry run at start failed ({Error}); the first comments pay for it")]
    private partial void LogDryRunFailed(string error);
}
