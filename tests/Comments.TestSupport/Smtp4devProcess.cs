using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.TestSupport;

/// <summary>A mail as smtp4dev received it (its summary), with the raw message read on demand.</summary>
public sealed record ReceivedMail(string Id, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedDate);

/// <summary>
/// A real SMTP server for tests: smtp4dev (Rnwood.Smtp4dev, a dotnet tool from the repository's tool
/// manifest, restored on first use) on loopback ports of its own, messages in memory, read back
/// through its REST API. Start waits for its own "Now listening" line; Stop kills it, and Start again
/// brings it back on the same SMTP port (empty).
/// </summary>
public sealed class Smtp4devProcess : IAsyncDisposable
{
    private static readonly SemaphoreSlim Restore = new(1, 1);
    private static bool _restored;
    private readonly string _dir = Directory.CreateTempSubdirectory("comments-smtp4dev-").FullName;
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private Smtp4devProcess(int smtpPort)
    {
        SmtpPort = smtpPort;
        WebPort = FreePort.Next();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }
    public string Output => string.Join('\n', _output);

    public static async Task<Smtp4devProcess> StartAsync(int? smtpPort = null)
    {
        var server = new Smtp4devProcess(smtpPort ?? FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>(Re)starts the server on the same ports; it starts with no messages.</summary>
    public async Task StartAgainAsync()
    {
        await RestoreToolAsync();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("dotnet",
        [
            "tool", "run", "smtp4dev", "--",
            $"--smtpport={SmtpPort}", $"--imapport={FreePort.Next()}", $"--pop3port={FreePort.Next()}",
            $"--urls=http://127.0.0.1:{WebPort}", "--db=", $"--baseappdatapath={_dir}", "--nousersettings",
            "--hostname=localhost", "--bindaddress=127.0.0.1", "--disableipv6", "--messagestokeep=100000",
        ])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null) return;
            _output.Enqueue(line);
            if (line.Contains("Now listening on:", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"smtp4dev exited before it listened:\n{Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGKILL: the SMTP port stops answering at once.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        using var response = await _http.GetAsync("/api/messages?pageSize=100000");
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("results").EnumerateArray().Select(m => new ReceivedMail(
            m.GetProperty("id").GetString()!,
            m.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList(),
            m.GetProperty("subject").GetString() ?? "",
            m.GetProperty("receivedDate").GetDateTimeOffset())).ToList();
    }

    /// <summary>The message exactly as it came over SMTP (headers and MIME body).</summary>
    public Task<string> RawAsync(string id) => _http.GetStringAsync($"/api/messages/{id}/raw");

    /// <summary>Mails to the address, once at least <paramref name="count"/> of them (matching <paramref name="match"/>) arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(string to, int count = 1, Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var mails = (await MessagesAsync()).Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase) && (match?.Invoke(m) ?? true))
                .OrderBy(m => m.ReceivedDate).ToList();
            if (mails.Count >= count) return mails;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{mails.Count} of {count} mails to {to} arrived; all: {string.Join("; ", (await MessagesAsync()).Select(m => $"{string.Join(",", m.To)} '{m.Subject}'"))}");
            // smtp4dev has no push API a test can hold; its REST list is read again shortly.
            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> ToAsync(string to) =>
        (await MessagesAsync()).Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary><c>dotnet tool restore</c> once per test run, so a clean clone needs no step of its own.</summary>
    private static async Task RestoreToolAsync()
    {
        await Restore.WaitAsync();
        try
        {
            if (_restored) return;
            var start = new ProcessStartInfo("dotnet", ["tool", "restore"])
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var restore = Process.Start(start)!;
            var output = restore.StandardOutput.ReadToEndAsync();
            var errors = restore.StandardError.ReadToEndAsync();
            await restore.WaitForExitAsync();
            if (restore.ExitCode != 0) throw new InvalidOperationException($"dotnet tool restore failed:\n{await output}\n{await errors}");
            _restored = true;
        }
        finally
        {
            Restore.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
