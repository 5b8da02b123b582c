using Comments.Core.Comments;
using static Comments.Admin.Tests.ImportExport.WxrImportTests;

namespace Comments.Admin.Tests.ImportExport;

/// <summary>
/// A WXR file written by a real WordPress (Debian's wordpress 6.1 with MariaDB; made by
/// tests/wordpress/make-wxr-fixture.sh: comments through wp_insert_comment, the file through export_wp,
/// the code behind Tools → Export), imported, exported again and imported once more.
/// </summary>
public sealed class RealWordPressImportTests(AdminStores stores) : IClassFixture<AdminStores>
{
    private static readonly string RealFixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wordpress-6.1-debian.wxr");

    [Theory]
    [MemberData(nameof(Backends), MemberType = typeof(WxrImportTests))]
    public async Task Every_comment_of_a_real_wordpress_export_keeps_its_state_thread_parent_date_and_text(string backend)
    {
        var site = AdminStores.NewSite("realwp");
        var run = await RunAsync("import", "wxr", RealFixture, "--site", site, "--redis", stores.Address(backend));
        Assert.True(run.Exit == 0, run.Err);
        // WordPress's export leaves spam out; the pingback is skipped unless --keep-pings.
        Assert.Contains("imported 7, already imported 0, skipped 1, threads 3", run.Out);

        var comments = await AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Comment By(string author) => comments.Single(c => c.AuthorName == author);
        var (wanda, zoe, bob) = (By("Wanda"), By("Zoë Ångström"), By("Bob"));
        Assert.Equal(("hello-from-wordpress", CommentStatus.Published, (string?)null, 0), (wanda.ThreadId, wanda.Status, wanda.ParentId, wanda.Depth));
        Assert.Equal((wanda.Id, 1), (zoe.ParentId, zoe.Depth));
        Assert.Equal((zoe.Id, 2), (bob.ParentId, bob.Depth));
        Assert.Equal("Très bien — 日本語のテキスト — שלום.", zoe.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 30, 12, TimeSpan.Zero), zoe.CreatedAt);
        Assert.Equal(("203.0.113.7", "2001:db8::1"), (zoe.Ip, bob.Ip));
        Assert.Equal(CommentStatus.Pending, By("Carol").Status);
        Assert.Equal(CommentStatus.Deleted, By("Dave").Status);
        Assert.Equal(("cafe-unicode", "Un café, s’il vous plaît."), (By("Émile").ThreadId, By("Émile").Text));
        Assert.Equal(CommentStatus.Published, By("A WordPress Commenter").Status);
        Assert.DoesNotContain(comments, c => c.AuthorName == "cheap pills" || c.AuthorName == "Another blog");
    }

    [Theory]
    [MemberData(nameof(Backends), MemberType = typeof(WxrImportTests))]
    public async Task A_real_wordpress_export_survives_import_export_and_import_with_the_same_comments(string backend)
    {
        var (from, to) = (AdminStores.NewSite("realwp"), AdminStores.NewSite("realwp"));
        var address = stores.Address(backend);
        Assert.Equal(0, (await RunAsync("import", "wxr", RealFixture, "--site", from, "--redis", address, "--keep-pings")).Exit);
        var exported = Path.GetTempFileName();
        var export = await RunAsync("export", "--redis", address, "--site", from, "--format", "wxr", "--out", exported);
        Assert.True(export.Exit == 0, export.Err);
        var back = await RunAsync("import", "wxr", exported, "--site", to, "--redis", address, "--keep-pings");
        Assert.True(back.Exit == 0, back.Err);
        Assert.Contains("imported 8, already imported 0, skipped 0, threads 3", back.Out);

        var redis = await stores.ConnectAsync(backend);
        Assert.Equal(ExportTests.Shape(await AllCommentsAsync(redis, from)), ExportTests.Shape(await AllCommentsAsync(redis, to)));
        File.Delete(exported);
    }
}
