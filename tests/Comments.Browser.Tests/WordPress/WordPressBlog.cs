using System.Diagnostics;

namespace Comments.Browser.Tests.WordPress;

/// <summary>
/// A real WordPress from Debian's package (MariaDB, Apache with mod_php) on a loopback port, with the
/// repository's plugin active and one post, started and stopped by <c>tests/wordpress/wordpress.sh</c>.
/// </summary>
public sealed class WordPressBlog : IAsyncDisposable
{
    private static string Script => Path.Combine(RepoPaths.Root, "tests", "wordpress", "wordpress.sh");

    private readonly string _dir;
    private readonly int _port;

    private WordPressBlog(string dir, int port, string postUrl)
    {
        _dir = dir;
        _port = port;
        PostUrl = postUrl;
    }

    /// <summary>The published post, as WordPress links it (pretty permalink).</summary>
    public string PostUrl { get; }

    public static async Task<WordPressBlog> StartAsync(Uri service, string site)
    {
        var dir = Path.Combine(Path.GetTempPath(), "comments-wordpress-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort.Next();
        var (code, output, errors) = await RunAsync("start", dir, port.ToString(), service.GetLeftPart(UriPartial.Authority), site);
        if (code == 3) CiSkip.Now("WordPress is not installed: " + errors.Trim());
        if (code != 0)
        {
            await RunAsync("stop", dir, port.ToString());
            Assert.Fail($"tests/wordpress/wordpress.sh start exited {code}: {errors}");
        }
        return new WordPressBlog(dir, port, output.Trim().Split('\n')[^1].Trim());
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    public async ValueTask DisposeAsync() => await RunAsync("stop", _dir, _port.ToString());
}
