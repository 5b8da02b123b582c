using System.Diagnostics;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// A redis-server of the test's own (its own port and data folder), so a test can kill it and
/// start it again on the same data without touching the Redis the other tests share.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("comments-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string Address => $"127.0.0.1:{Port}";

    public static string? Binary { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>Starts (or starts again) on the same port and data; completes when it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (Binary is null) CiSkip.Now("redis-server is not installed (.ci/run installs it).");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Binary!, ["--bind", "127.0.0.1", "--port", Port.ToString(), "--dir", _dataDir,
            "--appendonly", "yes", "--appendfsync", "always", "--save", ""])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        _process.Start();
        _process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>SIGKILL: the store vanishes mid-flight.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
