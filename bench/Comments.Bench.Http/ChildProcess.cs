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
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Application started") == true) started.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
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
