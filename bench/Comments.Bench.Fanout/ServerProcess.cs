using System.Diagnostics;
using System.Globalization;

namespace Comments.Bench.Fanout;

/// <summary>
/// The server under test in its own process (so its RSS and CPU are its own): the real
/// Comments.Api, or this program's in-memory baseline. Start waits for "Application started".
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private volatile bool _disposing;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(string dll, string[] args, IReadOnlyDictionary<string, string> environment, int port)
    {
        Port = port;
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // The service runs with server GC (the Web SDK default): so does the floor.
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) =>
        {
            _started.TrySetException(new InvalidOperationException("the server exited before it started"));
            if (_disposing) return;
            Console.Error.WriteLine($"  server exited with {_process.ExitCode}; its last lines:\n    {string.Join("\n    ", Tail())}");
        };
    }

    public int Port { get; }
    public bool HasExited => _process.HasExited;

    public string[] Tail()
    {
        lock (_tail) return [.. _tail];
    }
    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string dll, string[] args, IReadOnlyDictionary<string, string> environment, int port)
    {
        var server = new ServerProcess(dll, args, environment, port);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server._started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Resident set size now, in MiB (from /proc).</summary>
    public double RssMiB() => StatusKiB("VmRSS:") / 1024.0;

    /// <summary>CPU time (user + system) the process has used so far (from /proc/pid/stat).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: state is field 3, utime 14 and stime 15 (1-based), in clock ticks.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private long StatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40) _tail.Dequeue();
        }
        if (line.Contains("Application started", StringComparison.Ordinal)) _started.TrySetResult();
        else if (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal)) Console.Error.WriteLine($"  server: {line}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _disposing = true;
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
