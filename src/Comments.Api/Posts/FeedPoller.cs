using Comments.Core.Posts;
using Comments.Core.Sites;
using Microsoft.Extensions.Options;

namespace Comments.Api.Posts;

/// <summary>
/// Reads each site's feed (<c>Sites:{id}:FeedUrl</c>) every <c>FeedPollMinutes</c>, on one node at a time:
/// the node that takes the site's lease in the store reads it, and the lease, left to run out, spaces the
/// reads. The first successful read records every item without mail (a new subscriber is not sent the
/// archive); later reads announce the items whose URL is new, through <see cref="PostAnnouncer"/>.
/// Errors are logged by type and the next read tries again.
/// </summary>
public sealed partial class FeedPoller(SiteDirectory sites, IPostStore store, PostAnnouncer announcer, IHttpClientFactory http,
    IOptions<PostOptions> options, ILogger<FeedPoller> logger) : BackgroundService
{
    public const string HttpClientName = "feeds";
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var site in sites.All.Where(s => s.FeedUrl is { Length: > 0 }))
            {
                try
                {
                    if (await store.TryLeaseFeedAsync(site.Id, _node, TimeSpan.FromMinutes(site.FeedPollMinutes), stoppingToken))
                        await PollAsync(site, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                // Whatever one site's feed or the store does, the poller goes on (an exception here would stop the host).
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(site.Id, e.GetType().Name);
                }
            }
            try { await Task.Delay(options.Value.FeedCheckMilliseconds, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Reads the feed once and announces (or, the first time, records) its items.</summary>
    public async Task<int> PollAsync(SiteOptions site, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.FeedTimeoutSeconds));
        using var response = await http.CreateClient(HttpClientName).GetAsync(site.FeedUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > o.FeedMaxBytes) throw new FormatException("The feed is too large.");
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
        {
            if (buffer.Length + read > o.FeedMaxBytes) throw new FormatException("The feed is too large.");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        var items = FeedReader.Read(buffer);

        var first = !await store.FeedSeenAsync(site.Id, ct);
        var announced = 0;
        // Oldest first, so posts reach the digests in the order they were published.
        foreach (var item in items.AsEnumerable().Reverse())
        {
            var (_, result) = await announcer.AnnounceAsync(site.Id, item.Url, item.Title, item.Summary, item.Published, mail: !first, ct);
            if (result == AnnounceResult.Announced) announced++;
        }
        if (first) await store.MarkFeedSeenAsync(site.Id, ct);
        LogRead(site.Id, items.Count, announced, first);
        return announced;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed of {Site}: {Items} items, {Announced} new announced (first read: {First})")]
    private partial void LogRead(string site, int items, int announced, bool first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed of {Site} not read ({Error}); the next read tries again")]
    private partial void LogFailed(string site, string error);
}
