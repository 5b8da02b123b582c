using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Realtime;

/// <summary>The official @microsoft/signalr client (tests/js, locked by package-lock.json) in a real Node process.</summary>
public sealed class JavaScriptClientTests(GarnetService fixture)
{
    private static string ScriptFolder => Path.Combine(RepoPaths.Root, "tests", "js");

    [Fact]
    public async Task The_javascript_client_receives_over_websockets_a_comment_posted_over_http()
    {
        if (!Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "@microsoft", "signalr")))
            CiSkip.Now("tests/js/node_modules is missing: run `npm ci --prefix tests/js` (.ci/run does).");
        var thread = TestSites.NewThread();
        var ip = "198.51.100.201";
        var lines = Channel.CreateUnbounded<string>();
        using var node = StartNode(fixture.Service.BaseAddress, TestSites.Open, thread, lines.Writer);
        try
        {
            Assert.Equal("joined", await NextLineAsync(lines.Reader));
            using var client = fixture.CreateClient();
            using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Hello from .NET to JS", email: "js.poster@example.com"), forwardedFor: ip);
            var posted = await response.JsonAsync();

            var published = await NextLineAsync(lines.Reader);
            await node.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(LiveReader.Patience, TestContext.Current.CancellationToken);

            Assert.StartsWith("commentPublished ", published);
            var comment = JsonDocument.Parse(published["commentPublished ".Length..]).RootElement;
            Assert.Equal(posted.GetProperty("id").GetString(), comment.GetProperty("id").GetString());
            Assert.Equal(posted.GetProperty("html").GetString(), comment.GetProperty("html").GetString());
            Assert.Equal(1, comment.GetProperty("count").GetInt64());
            foreach (var secret in new[] { "js.poster@example.com", ip })
                Assert.DoesNotContain(secret, published);
            Assert.Equal(0, node.ExitCode);
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
        }
    }

    private static Process StartNode(Uri service, string site, string thread, ChannelWriter<string> lines)
    {
        var start = new ProcessStartInfo("node", ["live-client.mjs", service.ToString(), site, thread])
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = new Process { StartInfo = start, EnableRaisingEvents = true };
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.TryWrite(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.TryWrite("stderr: " + e.Data); };
        node.Exited += (_, _) => lines.TryComplete();
        node.Start();
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        return node;
    }

    private static async Task<string> NextLineAsync(ChannelReader<string> lines)
    {
        var ct = TestContext.Current.CancellationToken;
        if (!await lines.WaitToReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(20), ct))
            Assert.Fail("the Node client exited without printing the expected line");
        return await lines.ReadAsync(ct);
    }
}
