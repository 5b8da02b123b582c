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
    /// <summary>Comments posted before the measurement, until the server's JIT settled.</summary>
    public int WarmUpPosts { get; init; }
    /// <summary>Methods the server's JIT compiled during the measurement (near 0 when it was warm).</summary>
    public long? JitMethodsDuringRun { get; init; }
    /// <summary>With --flood: what wrk posted beside the measured comments ("1,871 POST/s, status 201: 20740").</summary>
    public string Flood { get; init; } = "";
}

/// <summary>One measured run against a started server.</summary>
public static class FanoutRun
{
    public const string Site = "bench";
    /// <summary>Comments posted before the JIT is first asked: the first PUBLISH, group sends and tier-0 code.</summary>
    public const int FirstWarmUpPosts = 30;
    /// <summary>Then warm-up goes on in rounds of this many seconds while the JIT compiles ≥ <see cref="JitSettled"/> methods per round…</summary>
    public static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(5);
    public const int JitSettled = 100;
    /// <summary>…for at most this long. Tiered compilation takes 20–45 s of load on 2 cores (docs/performance.md).</summary>
    public static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(60);

    public static async Task<FanoutResult> RunAsync(string serverName, ServerProcess server, bool baseline, int readers, int posts, double rate, int sources,
        string repoRoot, int floodConnections = 0)
    {
        var thread = $"fanout-{Guid.NewGuid():N}";
        var baseAddress = new Uri($"http://127.0.0.1:{server.Port}");
        await using var fleet = new ReaderFleet(readers, posts);
        var connecting = Stopwatch.StartNew();
        await fleet.ConnectAsync(new Uri($"ws://127.0.0.1:{server.Port}/hubs/comments"), Site, thread, sources, parallel: 32);
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  {serverName}: {fleet.Connected} readers connected in {connectSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up outside the measurement (JIT tiers, first PUBLISH, first group sends): the same
        // traffic, which the readers receive but do not count, until the server's JIT has settled;
        // otherwise the measured window pays for tier-1 compilation of the fan-out path.
        var warmUpPosts = 0;
        async Task WarmAsync(TimeSpan length)
        {
            var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                await PostAsync(http, baseline, thread, $"warm-up comment {warmUpPosts++}");
                await Task.Delay(TimeSpan.FromSeconds(1 / rate)); // pacing the poster
            }
        }
        await WarmAsync(TimeSpan.FromSeconds(FirstWarmUpPosts / rate));
        var jit = await JitMethodsAsync(http);
        for (var warming = Stopwatch.StartNew(); jit is not null && warming.Elapsed < WarmUpLimit;)
        {
            await WarmAsync(WarmUpRound);
            var now = await JitMethodsAsync(http);
            var settled = now - jit < JitSettled;
            jit = now;
            if (settled) break;
        }

        var rssIdle = server.RssMiB();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var serverCpu0 = server.CpuTime();
        var clientCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var flood = floodConnections > 0 && !baseline
            ? Flood.RunAsync(repoRoot, baseAddress, floodConnections, TimeSpan.FromSeconds(posts / rate + 1))
            : null;
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
        var flooded = flood is null ? "" : await flood;

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
        var jitDuringRun = jit is not null && await JitMethodsAsync(http) is { } jitAfter ? jitAfter - jit : null;
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
            WarmUpPosts = warmUpPosts,
            JitMethodsDuringRun = jitDuringRun,
            Flood = flooded,
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

    /// <summary>The server's <c>dotnet_jit_compiled_methods_total</c> from its /metrics (the service's Prometheus endpoint, the floor's own line), if it has one.</summary>
    private static async Task<long?> JitMethodsAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        if (!response.IsSuccessStatusCode) return null;
        var line = (await response.Content.ReadAsStringAsync()).Split('\n')
            .FirstOrDefault(l => l.StartsWith("dotnet_jit_compiled_methods_total", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], out var methods) ? methods : null;
    }

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
