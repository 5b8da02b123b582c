using System.Diagnostics;

namespace Comments.Bench.Http;

/// <summary>A server under test in its own process; started when it prints "Application started".</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static async Task<ChildProcess> StartAsync(string dll, string[] args, IReadOnlyDictionary<string, string> env)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info)!;
        var started = new TaskCompletionSource();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (e.Data.Contains("Application started")) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException(
            $"{Path.GetFileName(dll)} exited before it started:\n{string.Join('\n', output.TakeLast(20))}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            if (!process.HasExited) process.Kill(true);
            throw;
        }
        return new ChildProcess(process);
    }

    /// <summary>Resident memory of the server process, in MiB.</summary>
    public double RssMiB
    {
        get { _process.Refresh(); return _process.WorkingSet64 / 1024.0 / 1024.0; }
    }

    public TimeSpan CpuTime
    {
        get { _process.Refresh(); return _process.TotalProcessorTime; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}
