using System.Diagnostics;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Bench.Scoring;

/// <summary>
/// `-- semantic`: what the semantic stage costs on real comments (the 1,800 of
/// <see cref="CorpusSample"/>), one at a time as the service scores them: RSS with the models
/// loaded before the encoder is needed (idle) and after, the share of comments the cascade sends
/// to the stage, and the mean and p99 cost per comment with and without it. Process CPU time is
/// printed beside wall time because the machine is shared (load average printed too).
/// </summary>
internal static class SemanticCost
{
    public static void Run()
    {
        var texts = CorpusSample.Load();
        var options = new ScoringOptions { WatchModelFiles = false, SemanticStage = true };
        var rssStart = Rss();
        using var scorer = new CommentScorer(Options.Create(options), NullLogger<CommentScorer>.Instance, new ModelDirectory(BenchPaths.Models));
        if (scorer.Semantic is null) throw new InvalidOperationException("no semantic heads in models/ (train-semantic)");
        GC.Collect();
        var idle = Rss();
        var staged = new List<double>();
        var fast = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            var before = scorer.Semantic.Scored;
            var started = Stopwatch.GetTimestamp();
            scorer.Score(text);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            (scorer.Semantic.Scored > before ? staged : fast).Add(ms);
        }
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        GC.Collect();
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {texts.Length} comments");
        Console.WriteLine($"RSS: process start {rssStart} MB, models + heads loaded (idle, encoder not loaded) {idle} MB, after the comments {Rss()} MB");
        Console.WriteLine($"sent to the semantic stage: {staged.Count} ({(double)staged.Count / texts.Length:P1})");
        Console.WriteLine($"through the stage: mean {Mean(staged):0.00} ms, p50 {P(staged, 0.5):0.00} ms, p99 {P(staged, 0.99):0.00} ms (the first includes loading the encoder: {staged.FirstOrDefault():0} ms)");
        Console.WriteLine($"fast path only: mean {Mean(fast) * 1000:0.0} µs");
        Console.WriteLine($"all comments: mean wall {wall / texts.Length:0.00} ms, mean process CPU {cpuMs / texts.Length:0.00} ms");
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1_000_000;
    }
    private static double Mean(List<double> values) => values.Count == 0 ? 0 : values.Skip(1).DefaultIfEmpty(values[0]).Average();
    private static double P(List<double> values, double q) => values.Count == 0 ? 0 : values.Order().ElementAt((int)Math.Min(values.Count - 1, q * values.Count));
}
