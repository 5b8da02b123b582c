using System.Diagnostics;
using System.Net.Http.Json;

namespace Comments.Bench.Fanout;

/// <summary>What one run measured: N readers of one thread, comments posted at a steady rate.</summary>
public sealed record FanoutResult(
    string Server, int Readers, int Posts, double Rate, int FailedPosts, long Delivered, long Expected,
    double P50Ms, double P99Ms, double MaxMs, double CompletionP99Ms, double DeliveriesPerSecond,
    double ConnectSeconds, double RssIdleMiB, double RssEndMiB, double ServerCpuPercent, double ClientCpuPercent)
{
    public double ServerCpuMicrosPerDelivery { get; init; }
    /// <summary>How long the POST itself took (store, pipeline, answer): the part of the latency before any fan-out.</summary>
    public double PostP50Ms { get; init; }
    public double PostP99Ms { get; init; }
    /// <summary>The machine's 1-minute load average when the measurement started (2 cores, shared).</summary>
    public string LoadAverage { get; init; } = "";
}

/// <summary>One measured run against a started server.</summary>
public static class FanoutRun
{
    public const string Site = "bench";
    public const int WarmUpPosts = 30;

    public static async Task<FanoutResult> RunAsync(string serverName, ServerProcess server, bool baseline, int readers, int posts, double rate, int sources)
    {
        var thread = $"fanout-{Guid.NewGuid():N}";
        var baseAddress = new Uri($"http://127.0.0.1:{server.Port}");
        await using var fleet = new ReaderFleet(readers, posts);
        var connecting = Stopwatch.StartNew();
        await fleet.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/hubs/comments"), Site, thread, sources, parallel: 32);
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {serverName}: {fleet.Connected} readers connected in {connectSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up outside the measurement (JIT tiers, first PUBLISH, first group sends): a few
        // seconds of the same traffic, which the readers receive but do not count.
        for (var i = 0; i < WarmUpPosts; i++)
        {
            await PostAsync(http, baseline, thread, $"warm-up comment {i}");
            await Task.Delay(TimeSpan.FromSeconds(1 / rate)); // pacing the poster
        }

        var rssIdle = server.RssMiB();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var serverCpu0 = server.CpuTime();
        var clientCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task<(bool Ok, long Ticks)>>();
        for (var post = 0; post < posts; post++)
        {
            var due = started + (long)(post / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait); // pacing the poster, not waiting for a result
            fleet.MarkSent(post, Stopwatch.GetTimestamp());
            sends.Add(TimedPostAsync(http, baseline, thread, $"bench-{post} steady fan-out comment"));
        }
        var results = await Task.WhenAll(sends);

        // Wait for the last copies: until every reader has every comment, or 20 s without progress.
        long delivered = 0, lastDelivered = -1;
        var progress = Stopwatch.StartNew();
        while (true)
        {
            delivered = Enumerable.Range(0, posts).Sum(p => (long)fleet.ReceivedOf(p));
            if (delivered == (long)posts * readers) break;
            if (delivered != lastDelivered) { lastDelivered = delivered; progress.Restart(); }
            else if (progress.Elapsed > TimeSpan.FromSeconds(20)) break;
            await Task.Delay(50); // polling the counters of the readers
        }
        if (server.HasExited) throw new InvalidOperationException($"the server died during the run ({fleet.Dropped} readers dropped)");
        var serverCpu = server.CpuTime() - serverCpu0;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu0;
        var wall = Stopwatch.GetElapsedTime(started, Math.Max(fleet.LastReceiptTicks, started + 1));

        var latencies = fleet.Latencies(posts);
        latencies.Sort();
        var postTimes = results.Select(r => r.Ticks).Order().ToList();
        var completion = fleet.CompletionLatencies(posts);
        completion.Sort();
        return new FanoutResult(serverName, readers, posts, rate, results.Count(r => !r.Ok), delivered, (long)posts * readers,
            Ms(Percentile(latencies, 0.50)), Ms(Percentile(latencies, 0.99)), Ms(latencies.Count > 0 ? latencies[^1] : 0),
            Ms(Percentile(completion, 0.99)), delivered / wall.TotalSeconds, connectSeconds,
            rssIdle, server.RssMiB(), 100 * serverCpu / wall, 100 * clientCpu / wall)
        {
            ServerCpuMicrosPerDelivery = delivered == 0 ? 0 : serverCpu.TotalMicroseconds / delivered,
            PostP50Ms = Ms(Percentile(postTimes, 0.50)),
            PostP99Ms = Ms(Percentile(postTimes, 0.99)),
            LoadAverage = load,
        };
    }

    private static async Task<(bool Ok, long Ticks)> TimedPostAsync(HttpClient http, bool baseline, string thread, string text)
    {
        var start = Stopwatch.GetTimestamp();
        var ok = await PostAsync(http, baseline, thread, text);
        return (ok, Stopwatch.GetTimestamp() - start);
    }

    private static async Task<bool> PostAsync(HttpClient http, bool baseline, string thread, string text)
    {
        using var response = baseline
            ? await http.PostAsync($"/post/{Site}/{thread}?text={Uri.EscapeDataString(text)}", null)
            : await http.PostAsJsonAsync($"/api/sites/{Site}/threads/{thread}/comments",
                new { text, authorName = "Bench Poster", authorEmail = "bench.poster@example.com" });
        return response.IsSuccessStatusCode;
    }

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
