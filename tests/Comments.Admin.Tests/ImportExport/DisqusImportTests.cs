using Comments.Core.Comments;
using static Comments.Admin.Tests.ImportExport.WxrImportTests;

namespace Comments.Admin.Tests.ImportExport;

/// <summary><c>import disqus</c> against a real embedded Garnet and redis-server.</summary>
public sealed class DisqusImportTests(AdminStores stores) : IClassFixture<AdminStores>
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "disqus-export.xml");

    [Theory]
    [MemberData(nameof(Backends), MemberType = typeof(WxrImportTests))]
    public async Task Posts_become_comments_of_their_thread_with_parents_spam_and_deletions_kept_and_a_second_run_stores_nothing(string backend)
    {
        var site = AdminStores.NewSite("dsq");
        var address = stores.Address(backend);
        var run = await RunAsync("import", "disqus", Fixture, "--site", site, "--redis", address);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("imported 4, already imported 0, skipped 0, threads 1", run.Out);
        Assert.Contains("imported 0, already imported 4", (await RunAsync("import", "disqus", Fixture, "--site", site, "--redis", address)).Out);

        var comments = await AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Assert.Equal(4, comments.Count);
        Assert.All(comments, c => Assert.Equal("2019:03:spring", c.ThreadId));
        var eve = comments.Single(c => c.AuthorName == "Ève");
        Assert.Equal(("eve@example.com", "203.0.113.50", CommentStatus.Published, new DateTimeOffset(2019, 3, 20, 12, 30, 0, TimeSpan.Zero)),
            (eve.AuthorEmail, eve.Ip, eve.Status, eve.CreatedAt));
        Assert.Equal("<p>Lovely photos — merci!</p>", eve.Html);
        Assert.Equal((eve.Id, 1), (comments.Single(c => c.AuthorName == "Frank").ParentId, comments.Single(c => c.AuthorName == "Frank").Depth));
        Assert.Equal(CommentStatus.Spam, comments.Single(c => c.AuthorName == "watches").Status);
        var gina = comments.Single(c => c.AuthorName == "Gina");
        Assert.Equal((CommentStatus.Deleted, eve.Id), (gina.Status, gina.ParentId));

        var thread = await new Storage.RedisCommentStore(await stores.ConnectAsync(backend)).GetThreadAsync(site, "2019:03:spring", TestContext.Current.CancellationToken);
        Assert.Equal(("Spring is here", new DateTimeOffset(2019, 3, 20, 10, 0, 0, TimeSpan.Zero)), (thread?.Title, thread?.CreatedAt));
    }
}
