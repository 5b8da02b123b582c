using System.Diagnostics;

namespace Comments.Bench.Http;

/// <summary>The numbers of one load phase.</summary>
public sealed record LoadResult(string Name, int Requests, int Errors, double Seconds, double P50Ms, double P99Ms, double MaxMs)
{
    public double RequestsPerSecond => Requests / Seconds;

    public override string ToString() =>
        $"{Name,-34} {RequestsPerSecond,9:0} req/s  p50 {P50Ms,7:0.00} ms  p99 {P99Ms,7:0.00} ms  max {MaxMs,7:0.0} ms  errors {Errors}";
}

/// <summary>
/// Two kinds of load, both bounded in time: closed loop (N workers back to back: the peak), and
/// open loop at a fixed arrival rate, where latency counts from the scheduled send time so a
/// stalled server cannot hide its queueing (no coordinated omission).
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> ClosedLoopAsync(string name, int workers, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var latencies = new List<double>[workers];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await send(Interlocked.Increment(ref counter));
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        }));
        return Summarise(name, latencies.SelectMany(l => l).ToList(), errors, clock.Elapsed.TotalSeconds);
    }

    public static async Task<LoadResult> OpenLoopAsync(string name, double ratePerSecond, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await send(index);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref errors);
            }));
        }
        await Task.WhenAll(inFlight);
        return Summarise(name, latencies.ToList(), errors, clock.Elapsed.TotalSeconds);
    }

    private static LoadResult Summarise(string name, List<double> latencies, int errors, double seconds)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        return new LoadResult(name, latencies.Count, errors, seconds, At(0.50), At(0.99), latencies.Count == 0 ? 0 : latencies[^1]);
    }
}
