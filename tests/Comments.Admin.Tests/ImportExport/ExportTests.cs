using System.Text.Json;
using Comments.Core.Comments;
using static Comments.Admin.Tests.ImportExport.WxrImportTests;

namespace Comments.Admin.Tests.ImportExport;

/// <summary><c>export</c> against a real embedded Garnet and redis-server, and the WXR round trip.</summary>
public sealed class ExportTests(AdminStores stores) : IClassFixture<AdminStores>
{
    [Theory]
    [MemberData(nameof(Backends), MemberType = typeof(WxrImportTests))]
    public async Task A_WordPress_file_imported_exported_as_WXR_and_imported_again_gives_the_same_comments_threading_and_states(string backend)
    {
        var (from, to) = (AdminStores.NewSite("trip"), AdminStores.NewSite("trip"));
        var address = stores.Address(backend);
        Assert.Equal(0, (await RunAsync("import", "wxr", Fixture, "--site", from, "--redis", address, "--keep-pings")).Exit);

        var exported = Path.GetTempFileName();
        var export = await RunAsync("export", "--redis", address, "--site", from, "--format", "wxr", "--out", exported);
        Assert.True(export.Exit == 0, export.Err);
        Assert.Equal($"exported 9 comments in 2 threads of {from}", export.Err.Trim());
        var back = await RunAsync("import", "wxr", exported, "--site", to, "--redis", address, "--keep-pings");
        Assert.True(back.Exit == 0, back.Err);
        Assert.Contains("imported 9, already imported 0, skipped 0, threads 2", back.Out);

        var redis = await stores.ConnectAsync(backend);
        Assert.Equal(Shape(await AllCommentsAsync(redis, from)), Shape(await AllCommentsAsync(redis, to)));
        var store = new Storage.RedisCommentStore(redis);
        var (a, b) = (await store.GetThreadAsync(from, HelloThread, TestContext.Current.CancellationToken), await store.GetThreadAsync(to, HelloThread, TestContext.Current.CancellationToken));
        Assert.Equal((a!.Title, a.Url, a.CreatedAt), (b!.Title, b.Url, b.CreatedAt));
        File.Delete(exported);
    }

    /// <summary>Everything but our ids: each comment with its parent named by author and text.</summary>
    internal static List<string> Shape(List<Comment> comments)
    {
        var byId = comments.ToDictionary(c => c.Id);
        return comments
            .Select(c => string.Join(" | ", c.ThreadId, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Ip, c.Text, c.Status, c.CreatedAt.ToString("O"), c.Depth,
                c.ParentId is null ? "-" : byId[c.ParentId].AuthorName + ": " + byId[c.ParentId].Text))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task JSON_lines_start_with_the_schema_version_and_hold_one_line_per_thread_and_comment()
    {
        var site = AdminStores.NewSite("jsonl");
        var address = stores.Address("garnet");
        Assert.Equal(0, (await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", address)).Exit);

        var run = await RunAsync("export", "--redis", address, "--site", site, "--thread", HelloThread, "--format", "jsonl");
        Assert.True(run.Exit == 0, run.Err);
        var lines = run.Out.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(("export", "comments-export", 1, site), (lines[0].GetProperty("type").GetString(), lines[0].GetProperty("schema").GetString(),
            lines[0].GetProperty("version").GetInt32(), lines[0].GetProperty("site").GetString()));
        Assert.Equal(("thread", HelloThread, "Hello world!"), (lines[1].GetProperty("type").GetString(), lines[1].GetProperty("id").GetString(), lines[1].GetProperty("title").GetString()));
        var comments = lines.Skip(2).ToList();
        Assert.Equal(6, comments.Count);
        Assert.All(comments, c => Assert.Equal("comment", c.GetProperty("type").GetString()));
        Assert.Equal(["published", "published", "published", "pending", "spam", "deleted"], comments.Select(c => c.GetProperty("status").GetString()));
        var zoe = comments[1];
        Assert.Equal(("Zoë Ångström", "zoe@example.net", comments[0].GetProperty("id").GetString(), "2024-05-02T09:30:12+00:00"),
            (zoe.GetProperty("authorName").GetString(), zoe.GetProperty("authorEmail").GetString(), zoe.GetProperty("parent").GetString(), zoe.GetProperty("createdAt").GetString()));
    }

    [Fact]
    public async Task An_unknown_format_is_named_and_exits_2()
    {
        var run = await RunAsync("export", "--redis", "127.0.0.1:1", "--site", "demo", "--format", "csv");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--format is jsonl or wxr, not 'csv'.", run.Err);
    }
}
