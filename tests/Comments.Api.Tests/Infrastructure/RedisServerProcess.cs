using System.Diagnostics;

namespace Comments.Api.Tests.Infrastructure;

/// <summary>
/// A redis-server of the test's own, on a free port and a folder of its own, durable as production
/// should run it (AOF, fsync on every write), so the test can SIGKILL it without touching anyone
/// else's Redis. Start waits for redis-server's own "Ready to accept connections" line.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("comments-redis-").FullName;
    private readonly string[] _settings;
    private int _port = FreePort.Next();
    private Process? _process;

    private RedisServerProcess(string[] settings) => _settings = settings;

    public string Address => $"127.0.0.1:{_port}";

    public int Port => _port;

    /// <summary>Starts a redis-server; <paramref name="settings"/> (e.g. <c>--appendonly no</c>) come last, so they win.</summary>
    public static async Task<RedisServerProcess> StartAsync(params string[] settings)
    {
        var redis = new RedisServerProcess(settings);
        // A free port can be taken by another test between the look-up and the bind: then redis-server
        // exits at once, and a fresh port is tried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await redis.LaunchAsync();
                return redis;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                redis._process?.Dispose();
                redis._port = FreePort.Next();
            }
        }
    }

    /// <summary>SIGKILL, then a start on the same folder (which replays the append-only file).</summary>
    public async Task KillAndRestartAsync()
    {
        await KillAsync();
        await StartAgainAsync();
    }

    /// <summary>SIGKILL: the store vanishes mid-flight.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>A start on the same port and folder after <see cref="KillAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process?.Dispose();
        await LaunchAsync();
    }

    /// <summary>SIGTERM (redis-server saves and exits), then a start on the same folder.</summary>
    public async Task RestartInOrderAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process!.Id.ToString()])) await term.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.Dispose();
        await LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        if (!File.Exists("/usr/bin/redis-server") && !File.Exists("/usr/local/bin/redis-server"))
            CiSkip.Now("redis-server is not installed (.ci/run installs it).");
        var start = new ProcessStartInfo("redis-server",
        [
            "--bind", "127.0.0.1", "--port", _port.ToString(), "--dir", _dir,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "",
            .. _settings,
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited with {process.ExitCode}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
