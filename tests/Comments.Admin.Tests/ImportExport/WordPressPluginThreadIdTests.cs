using Comments.Storage.Import;
using System.Diagnostics;
using System.Text.Json;
using Comments.Admin.ImportExport;

namespace Comments.Admin.Tests.ImportExport;

/// <summary>
/// The WordPress plugin (integrations/wordpress, PHP) names a post's thread as the importer does
/// (<see cref="ThreadIds"/>) and as the widget does by default, so imported comments appear under the
/// post the plugin renders. Runs the plugin's own function in the php CLI.
/// </summary>
public sealed class WordPressPluginThreadIdTests
{
    private static readonly string[] Paths =
    [
        "/2024/05/hello-world/", "/hello-from-wordpress/", "/", "", "/caf%c3%a9/", "/a b/", "/ünïcode/straße/",
        "/emoji/😀/", "/with.dots_and-dashes~tilde/", "/semi;colon,comma/", "/" + string.Join("/", Enumerable.Repeat("long-segment", 14)) + "/",
    ];

    [Fact]
    public async Task The_plugin_and_the_importer_give_every_path_the_same_thread_id()
    {
        var php = FindPhp();
        if (php is null) CiSkip.Now("php is not installed (apt-get install -y php-cli): the WordPress plugin's PHP cannot run");
        var plugin = Path.Combine(RepoPaths.Root, "integrations", "wordpress", "comments-widget", "comments-widget.php");
        var script = $$"""
            define('ABSPATH', '/');
            function add_filter() {} function add_action() {}
            require '{{plugin}}';
            $out = array();
            foreach (json_decode(stream_get_contents(STDIN)) as $path) $out[] = comments_widget_thread_from_path($path);
            echo json_encode($out);
            """;
        var start = new ProcessStartInfo(php!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(Paths));
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"php exited {process.ExitCode}: {errors}");

        var fromPlugin = JsonSerializer.Deserialize<string[]>(output)!;
        var fromImporter = Paths.Select(p => ThreadIds.FromPath(p.Replace(" ", "%20"))).ToArray();
        Assert.Equal(fromImporter, fromPlugin);
        Assert.Equal("2024:05:hello-world", fromPlugin[0]);
        Assert.Equal("home", fromPlugin[2]);
        Assert.True(fromPlugin[^1].Length <= 128);
    }

    private static string? FindPhp() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "php")).FirstOrDefault(File.Exists);
}
