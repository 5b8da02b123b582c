using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// An import into the embedded store while the store takes checkpoints, killed with SIGKILL: the store starts again
/// and a second run of the file imports the rest, every row once. Garnet 2.2.8 cannot replay an append-only file whose
/// checkpoint began inside a transaction (an import's batch of 500 comments), so the service refused to start after
/// such a kill; checkpoints and an import's transactions now take turns (Comments.Storage.CheckpointTurns).
/// </summary>
public sealed partial class ImportCheckpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Posts = 60;
    private const int PerPost = 500;
    private const int Cycles = 3;

    [Fact]
    public async Task An_import_killed_while_the_embedded_store_checkpoints_leaves_a_store_that_starts_and_a_second_run_finishes_it()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-import-checkpoint-").FullName;
        try
        {
            var file = Path.Combine(dataDir, "export.wxr");
            await File.WriteAllTextAsync(file, Wxr(), Ct);
            var env = new Dictionary<string, string>(TestSites.Environment(Path.Combine(dataDir, "data"), null, FreePort.Next()))
            {
                // Any growth of the append-only file is checkpointed at the next one-second tick: many checkpoints per import.
                ["Storage__EmbeddedCheckpointAofMegabytes"] = "0",
                ["Storage__EmbeddedCheckpointCheckSeconds"] = "1",
            };
            var store = $"127.0.0.1:{env["Storage__EmbeddedPort"]}";
            for (var cycle = 0; cycle < Cycles; cycle++)
            {
                await using var service = await ServiceProcess.StartAsync(env);
                var checkpoints = 0;
                var enough = service.WaitForLineAsync(
                    l => l.Contains("Embedded store checkpoint in", StringComparison.Ordinal) && Interlocked.Increment(ref checkpoints) >= 3,
                    TimeSpan.FromMinutes(3), includePast: false);
                using var import = Process.Start(new ProcessStartInfo("dotnet",
                    [RepoPaths.BuiltDll("Comments.Admin", "comments-admin.dll"), "import", "wxr", file, "--site", TestSites.Open, "--redis", store])
                { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
                var output = import.StandardOutput.ReadToEndAsync(Ct);
                _ = import.StandardError.ReadToEndAsync(Ct);
                // Killed after a few checkpoints, or when the import ends first (a cycle after the file is all in).
                await Task.WhenAny(enough, import.WaitForExitAsync(Ct));
                await service.KillAsync();
                if (!import.HasExited) import.Kill();
                await import.WaitForExitAsync(Ct);
                await output;
            }

            await using var last = await ServiceProcess.StartAsync(env);
            var run = await Cli.RunAsync(RepoPaths.BuiltDll("Comments.Admin", "comments-admin.dll"), TimeSpan.FromMinutes(5),
                "import", "wxr", file, "--site", TestSites.Open, "--redis", store);
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            var counts = Counts().Match(run.Output);
            Assert.True(counts.Success, run.Output);
            Assert.Equal(Posts * PerPost, long.Parse(counts.Groups[1].Value) + long.Parse(counts.Groups[2].Value));
            using var reader = last.CreateClient();
            for (var post = 0; post < Posts; post += 19)
            {
                var page = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, ThreadOf(post)) + "?limit=1");
                Assert.Equal(PerPost, page.GetProperty("count").GetInt64());
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [GeneratedRegex(@"imported (\d+), already imported (\d+)")]
    private static partial Regex Counts();

    private static string ThreadOf(int post) => $"checkpointed-import-{post}";

    /// <summary>Published comments of ~300 characters under <see cref="Posts"/> posts: enough for a few megabytes of append-only file.</summary>
    private static string Wxr()
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>");
        var id = 1L;
        for (var post = 0; post < Posts; post++)
        {
            text.Append($"<item><title>Post {post}</title><link>https://blog.example.org/{ThreadOf(post)}/</link><wp:post_id>{post + 1}</wp:post_id>");
            for (var i = 0; i < PerPost; i++, id++)
                text.Append($"<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author>Reader {id % 97}</wp:comment_author>")
                    .Append($"<wp:comment_author_email>r{id % 97}@example.net</wp:comment_author_email><wp:comment_date_gmt>2024-06-02 10:00:00</wp:comment_date_gmt>")
                    .Append($"<wp:comment_content>Comment {id} on post {post}: I read it twice and I still think the second half argues against the first, ")
                    .Append("which is fine, but say so. The figures on the bridge budget came from the council's own report, so they hold up.</wp:comment_content>")
                    .Append("<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>");
            text.Append("</item>");
        }
        return text.Append("</channel></rss>").ToString();
    }
}
