using System.Collections.Concurrent;
using System.Diagnostics;

namespace Comments.TestSupport;

/// <summary>
/// The real service: the built Comments.Api.dll in its own process, on a loopback port, configured
/// through environment variables exactly as an operator would. Start waits for the host's own
/// "Submission path warm-up done" line (written once the server listens and its first POST went
/// through: readiness turns green then), not for a timer.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(IReadOnlyDictionary<string, string> environment, int port, string? workingDirectory)
    {
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [RepoPaths.ApiDll])
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(RepoPaths.ApiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException(
            $"The service exited with {_process.ExitCode} before it started:\n{Output}"));
    }

    /// <summary>SubmissionWarmup's log line: the service is listening and ready.</summary>
    public const string WarmLine = "Submission path warm-up done";

    public int Port { get; }
    public Uri BaseAddress { get; }
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;

    /// <param name="workingDirectory">Where the process starts; the dll's own folder unless given.</param>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null, string? workingDirectory = null)
    {
        var service = new ServiceProcess(environment, port ?? FreePort.Next(), workingDirectory);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        await service._started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return service;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown hooks, no flush — what a power cut or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or docker stop sends: the host shuts down in order. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && Signal(_process.Id, 15) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>Completes when the service writes a line that matches (or has already written one).</summary>
    /// <summary>Completes when a line of the service's output matches; with <paramref name="includePast"/> false, only a line written after this call.</summary>
    public Task WaitForLineAsync(Func<string, bool> matches, TimeSpan timeout, bool includePast = true)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_watchers) _watchers.Add((matches, seen));
        if (includePast && _output.Any(matches)) seen.TrySetResult();
        return seen.Task.WaitAsync(timeout);
    }

    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _watchers = [];

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        lock (_watchers)
        {
            foreach (var (matches, seen) in _watchers)
                if (matches(line)) seen.TrySetResult();
        }
        if (line.Contains(WarmLine, StringComparison.Ordinal)) _started.TrySetResult();
    }
}
