using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Comments.Api.Telemetry;
using Comments.Core.Outbox;
using Comments.Core.Sites;
using Microsoft.Extensions.Options;

namespace Comments.Api.Outbox;

/// <summary>
/// Runs on every node: claims the configured sites' due outbox items with a lease, hands each to its
/// <see cref="IOutboxHandler"/>, then completes it, retries it with exponential backoff, or after
/// <c>Outbox:MaxAttempts</c> claims moves it to the dead-letter list. Errors are logged by type only
/// (an SMTP error may quote an address).
/// </summary>
public sealed partial class OutboxWorker(IOutbox outbox, IEnumerable<IOutboxHandler> handlers, SiteDirectory sites,
    IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan DepthEvery = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _depth = Observed(new(StringComparer.Ordinal));

    private static ConcurrentDictionary<string, long> Observed(ConcurrentDictionary<string, long> depth)
    {
        OutboxMetrics.ObserveDepth(() => depth.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("site", d.Key))));
        return depth;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var depthRead = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            foreach (var site in sites.All)
            {
                try
                {
                    var claimed = await outbox.ClaimDueAsync(site.Id, clock.GetUtcNow(), TimeSpan.FromSeconds(o.LeaseSeconds), o.BatchSize, stoppingToken);
                    foreach (var item in claimed) await RunAsync(item, stoppingToken);
                    worked += claimed.Count;
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                {
                    LogStoreError(site.Id, e.GetType().Name);
                }
            }
            if (clock.GetUtcNow() - depthRead > DepthEvery)
            {
                depthRead = clock.GetUtcNow();
                await ReadDepthAsync();
            }
            if (worked == 0)
            {
                try { await Task.Delay(o.PollMilliseconds, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RunAsync(ClaimedItem claimed, CancellationToken stoppingToken)
    {
        var item = claimed.Item;
        var o = options.Value;
        string error;
        if (_handlers.TryGetValue(item.Kind, out var handler))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            // Give up well before the lease ends, so no other node starts on an item this one still works on.
            timeout.CancelAfter(TimeSpan.FromSeconds(o.LeaseSeconds * 0.8));
            try
            {
                await handler.HandleAsync(claimed, timeout.Token);
                if (!await outbox.CompleteAsync(claimed)) LogLeaseLost(item.Site, item.Kind);
                OutboxMetrics.Done.Add(1, new KeyValuePair<string, object?>("kind", item.Kind), new KeyValuePair<string, object?>("outcome", "done"));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the lease runs out and the next node (or this one, restarted) takes the item again
            }
            catch (Exception e)
            {
                error = Describe(e);
            }
        }
        else
        {
            error = $"no handler for kind '{item.Kind}'";
        }

        var now = clock.GetUtcNow();
        if (claimed.Attempts >= o.MaxAttempts)
        {
            await outbox.DeadLetterAsync(claimed, error, now);
            LogDeadLetter(item.Site, item.Kind, claimed.Attempts, error);
            OutboxMetrics.Done.Add(1, new KeyValuePair<string, object?>("kind", item.Kind), new KeyValuePair<string, object?>("outcome", "dead"));
        }
        else
        {
            var wait = o.Backoff(claimed.Attempts);
            await outbox.RetryAsync(claimed, now + wait);
            LogRetry(item.Site, item.Kind, claimed.Attempts, error, wait.TotalSeconds);
            OutboxMetrics.Done.Add(1, new KeyValuePair<string, object?>("kind", item.Kind), new KeyValuePair<string, object?>("outcome", "retry"));
        }
    }

    /// <summary>The error without its message: SMTP replies can quote the recipient's address.</summary>
    internal static string Describe(Exception e) => e switch
    {
        MailKit.Net.Smtp.SmtpCommandException smtp => $"{e.GetType().Name} {(int)smtp.StatusCode} {smtp.ErrorCode}",
        MailKit.Net.Smtp.SmtpProtocolException => e.GetType().Name,
        System.Net.Sockets.SocketException socket => $"{e.GetType().Name} {socket.SocketErrorCode}",
        _ => e.GetType().Name,
    };

    private async Task ReadDepthAsync()
    {
        foreach (var site in sites.All)
        {
            try { _depth[site.Id] = await outbox.DepthAsync(site.Id); }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException) { }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Site}: {Kind} item failed (attempt {Attempts}: {Error}); retry in {Seconds:0.#} s")]
    private partial void LogRetry(string site, string kind, long attempts, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Site}: {Kind} item moved to the dead letters after {Attempts} attempts ({Error})")]
    private partial void LogDeadLetter(string site, string kind, long attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Site}: the lease on a {Kind} item ran out before it was done; another node has it")]
    private partial void LogLeaseLost(string site, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Site}: the store did not answer ({Error})")]
    private partial void LogStoreError(string site, string error);
}
