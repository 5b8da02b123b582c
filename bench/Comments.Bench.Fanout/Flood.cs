using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Comments.Bench.Fanout;

/// <summary>
/// Peak ingest beside the fan-out: <c>wrk</c> with <c>bench/wrk/post.lua</c> (new comments that the
/// model publishes, 100 other threads of the same site) over one wrk thread, for a fixed time.
/// </summary>
public static partial class Flood
{
    public static async Task<string> RunAsync(string repoRoot, Uri server, int connections, TimeSpan length)
    {
        var start = new ProcessStartInfo("wrk",
            ["-t1", $"-c{connections}", $"-d{Math.Ceiling(length.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s", "-s", "bench/wrk/post.lua", server.ToString().TrimEnd('/')])
        {
            WorkingDirectory = repoRoot, // post.lua loads bench/wrk/common.lua from the repo root
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk)");
        // Both pipes drained together: a full stderr pipe would otherwise stall wrk while stdout is read.
        var errors = wrk.StandardError.ReadToEndAsync();
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {await errors}");
        var rate = RequestsPerSecond().Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var statuses = string.Join(", ", Status().Matches(output).Select(s => s.Value));
        return string.Create(CultureInfo.InvariantCulture, $"{rate:N0} POST/s, {statuses}");
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"status \d+: \d+")]
    private static partial Regex Status();
}
