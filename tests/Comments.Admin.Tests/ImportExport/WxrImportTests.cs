using Comments.Storage.Import;
using Comments.Admin.ImportExport;
using Comments.Core.Comments;
using Comments.Storage;

namespace Comments.Admin.Tests.ImportExport;

/// <summary><c>import wxr</c> run in-process against a real embedded Garnet and a real redis-server.</summary>
public sealed class WxrImportTests(AdminStores stores) : IClassFixture<AdminStores>
{
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordpress-6.4.wxr");
    public const string HelloThread = "2024:05:hello-world";

    public static TheoryData<string> Backends => new() { "garnet", "redis" };

    internal static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCommands.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    internal static async Task<List<Comment>> AllCommentsAsync(StackExchange.Redis.IConnectionMultiplexer redis, string site)
    {
        var archive = new RedisSiteArchive(redis);
        var all = new List<Comment>();
        await foreach (var thread in archive.ThreadIdsAsync(site))
            await foreach (var comment in archive.CommentsAsync(site, thread)) all.Add(comment);
        return all;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Every_comment_is_stored_with_its_status_parent_original_date_and_thread_and_pings_are_skipped(string backend)
    {
        var site = AdminStores.NewSite("wxr");
        var run = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", stores.Address(backend));
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("imported 8, already imported 0, skipped 1, threads 2", run.Out);
        Assert.Contains("skipped 8: a pingback (--keep-pings imports them)", run.Out);
        Assert.Contains("done: read 9, imported 8", run.Err);

        var redis = await stores.ConnectAsync(backend);
        var comments = await AllCommentsAsync(redis, site);
        Comment By(string author, string text) => comments.Single(c => c.AuthorName == author && c.Text.StartsWith(text, StringComparison.Ordinal));
        Assert.Equal(8, comments.Count);

        var first = By("A WordPress Commenter", "Hi, this is");
        var second = By("Zoë Ångström", "Très bien");
        var third = By("Bob", "A reply to the reply.");
        Assert.Equal((CommentStatus.Published, null, 0), (first.Status, first.ParentId, first.Depth));
        Assert.Equal((first.Id, 1), (second.ParentId, second.Depth));
        Assert.Equal((second.Id, 2), (third.ParentId, third.Depth));
        Assert.Equal(CommentStatus.Pending, By("Carol", "Waiting").Status);
        Assert.Equal(CommentStatus.Spam, By("cheap pills", "Buy").Status);
        Assert.Equal(CommentStatus.Deleted, By("Dave", "I regret").Status);

        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 30, 12, TimeSpan.Zero), second.CreatedAt);
        Assert.Equal(("zoe@example.net", "203.0.113.7"), (second.AuthorEmail, second.Ip));
        Assert.Equal(AddressKeys.Unknown, first.Ip);
        Assert.Contains("日本語のコメントです。", second.Text);
        Assert.Contains("<em>Emphasis</em>", second.Html);
        Assert.Equal("<p>Hi, this is a comment.<br>\nTo get started with moderating, editing, and deleting comments, please visit the Comments screen in the dashboard.</p>", first.Html);

        // The same text twice in one thread was accepted by WordPress: both are kept.
        Assert.Equal(2, comments.Count(c => c.Text == "Thanks!"));

        var store = new RedisCommentStore(redis);
        var thread = await store.GetThreadAsync(site, HelloThread, TestContext.Current.CancellationToken);
        Assert.NotNull(thread);
        Assert.Equal(("Hello world!", "https://blog.example.org/2024/05/hello-world/"), (thread.Title, thread.Url));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), thread.CreatedAt);
        var german = await store.GetThreadAsync(site, "2024:05:~25c3~25bcber-stra~25c3~259fen", TestContext.Current.CancellationToken);
        Assert.Equal("Über Straßen & Wege", german?.Title);
        var page = await store.ListPublishedAsync(site, HelloThread, new Core.Storage.PageQuery(Core.Storage.SortOrder.Oldest, null, 50), TestContext.Current.CancellationToken);
        Assert.Equal([first.Id, second.Id, third.Id], page.Comments.Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Importing_the_same_file_twice_stores_nothing_twice(string backend)
    {
        var site = AdminStores.NewSite("wxr");
        var address = stores.Address(backend);
        Assert.Equal(0, (await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", address)).Exit);
        var again = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", address);
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("imported 0, already imported 8, skipped 1", again.Out);
        Assert.Equal(8, (await AllCommentsAsync(await stores.ConnectAsync(backend), site)).Count);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_import_stopped_half_way_resumes_where_it_stopped_and_keeps_the_threading(string backend)
    {
        var site = AdminStores.NewSite("wxr");
        var address = stores.Address(backend);
        // What an interrupted run leaves: the rows up to comment 2 imported (the file cut after it).
        var text = await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken);
        var cut = text.IndexOf("<wp:comment_id>3</wp:comment_id>", StringComparison.Ordinal);
        var partial = Path.GetTempFileName();
        await File.WriteAllTextAsync(partial, text[..text.LastIndexOf("<wp:comment>", cut, StringComparison.Ordinal)] + "</item></channel></rss>", TestContext.Current.CancellationToken);
        Assert.Contains("imported 2,", (await RunAsync("import", "wxr", partial, "--site", site, "--redis", address)).Out);

        var rest = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", address);
        Assert.Contains("imported 6, already imported 2", rest.Out);
        var comments = await AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Assert.Equal(8, comments.Count);
        var second = comments.Single(c => c.AuthorName == "Zoë Ångström");
        Assert.Equal(second.Id, comments.Single(c => c.Text == "A reply to the reply.").ParentId);
        File.Delete(partial);
    }

    [Fact]
    public async Task A_dry_run_lists_every_skipped_row_with_its_reason_and_writes_nothing()
    {
        var site = AdminStores.NewSite("wxr");
        var run = await RunAsync("import", "wxr", Fixture, "--site", site, "--dry-run");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal(["skipped 8: a pingback (--keep-pings imports them)", "would import 8, already imported 0, skipped 1, threads 2, rows read 9"],
            run.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Empty(await AllCommentsAsync(await stores.ConnectAsync("garnet"), site));
    }

    [Fact]
    public async Task Replies_deeper_than_the_site_allows_are_attached_to_the_deepest_allowed_ancestor()
    {
        var site = AdminStores.NewSite("wxr");
        var run = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", stores.Address("garnet"), "--max-depth", "1");
        Assert.Contains("note 3: deeper than 1: attached to the deepest allowed ancestor", run.Out);
        var comments = await AllCommentsAsync(await stores.ConnectAsync("garnet"), site);
        var first = comments.Single(c => c.AuthorName == "A WordPress Commenter");
        var third = comments.Single(c => c.Text == "A reply to the reply.");
        Assert.Equal((first.Id, 1), (third.ParentId, third.Depth));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_thread_map_csv_overrides_the_thread_id_of_the_posts_it_names(string backend)
    {
        var site = AdminStores.NewSite("wxr-map");
        var map = Path.Combine(Directory.CreateTempSubdirectory("thread-map-").FullName, "map.csv");
        await File.WriteAllTextAsync(map, "permalink,thread\nhttps://blog.example.org/2024/05/hello-world/,post-42\n", TestContext.Current.CancellationToken);

        var run = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", stores.Address(backend), "--thread-map", map);
        Assert.True(run.Exit == 0, run.Err);

        var comments = await AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Assert.Equal(8, comments.Count);
        Assert.DoesNotContain(comments, c => c.ThreadId == HelloThread);
        Assert.Contains(comments, c => c.ThreadId == "post-42" && c.AuthorName == "Zoë Ångström");
        // The post the map does not name keeps its permalink's id.
        Assert.Contains(comments, c => c.ThreadId == "2024:05:~25c3~25bcber-stra~25c3~259fen");
    }

    [Fact]
    public async Task A_thread_map_line_with_a_bad_thread_id_is_named_and_nothing_is_read()
    {
        var map = Path.Combine(Directory.CreateTempSubdirectory("thread-map-").FullName, "map.csv");
        await File.WriteAllTextAsync(map, "https://blog.example.org/a/,fine\nhttps://blog.example.org/b/,not a thread id\n", TestContext.Current.CancellationToken);

        var run = await RunAsync("import", "wxr", Fixture, "--site", "s", "--dry-run", "--thread-map", map);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--thread-map line 2", run.Err);
        Assert.DoesNotContain("would import", run.Out);
    }

    [Fact]
    public async Task Keep_pings_imports_the_pingback_too()
    {
        var site = AdminStores.NewSite("wxr");
        var run = await RunAsync("import", "wxr", Fixture, "--site", site, "--redis", stores.Address("garnet"), "--keep-pings");
        Assert.Contains("imported 9, already imported 0, skipped 0", run.Out);
        var comments = await AllCommentsAsync(await stores.ConnectAsync("garnet"), site);
        Assert.Contains(comments, c => c.AuthorName == "Other Blog" && c.Text.StartsWith("[&#8230;] as Field Notes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--site", "import", "wxr", "FIXTURE", "--site", "Not A Site!", "--dry-run")]
    [InlineData("--redis", "import", "wxr", "FIXTURE", "--site", "demo")]
    [InlineData("No file", "import", "wxr", "/nonexistent.wxr", "--site", "demo", "--dry-run")]
    public async Task A_command_line_that_cannot_run_names_what_to_change_and_exits_2(string named, params string[] args)
    {
        var run = await RunAsync(args.Select(a => a == "FIXTURE" ? Fixture : a).ToArray());
        Assert.Equal(2, run.Exit);
        Assert.Contains(named, run.Err.Replace(AdminCommands.Usage, ""));
    }

    [Theory]
    [InlineData("https://blog.example.org/2024/05/hello-world/", "1", "2024:05:hello-world")]
    [InlineData("https://blog.example.org/", "1", "home")]
    [InlineData("https://blog.example.org/?p=42", "42", "p-42")]
    [InlineData("https://blog.example.org/a b/", "1", "a~2520b")]
    public void A_permalink_becomes_the_thread_id_the_widget_gives_its_page(string permalink, string postId, string expected) =>
        Assert.Equal(expected, ThreadIds.FromPermalink(permalink, postId));
}
