using Comments.Core.Comments;

namespace Comments.Admin.Tests.ImportExport;

/// <summary><c>import wxr --score</c>: the service's real models and text rules (models/) on each imported comment.</summary>
public sealed class ImportScoreTests(AdminStores stores) : IClassFixture<AdminStores>
{
    private const string SupportSpam = "Norton antivirus customer support phone number +1-888-555-0199 call now for help with your account, 24/7 toll free helpline";
    private const string CashSpam = "Make $5000 a week working from home!!! Click here http://easy-cash.example and subscribe to my channel";
    private const string Ordinary = "I walked past the junction this morning and the new crossing works well; thanks for writing about it.";
    private const string OldSpam = "A comment someone marked as spam by hand, though its words are ordinary enough.";

    private static string Wxr() => $"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Crossings</title><link>https://blog.example.org/2024/06/crossings/</link><wp:post_id>7</wp:post_id>
        <wp:post_date_gmt>2024-06-01 08:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
        {Row(1, "1", SupportSpam)}{Row(2, "0", CashSpam)}{Row(3, "1", Ordinary)}{Row(4, "spam", OldSpam)}
        </item></channel></rss>
        """;

    private static string Row(int id, string approved, string text) => $"""
        <wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author>
        <wp:comment_author_email>reader{id}@example.net</wp:comment_author_email><wp:comment_author_IP>192.0.2.{id}</wp:comment_author_IP>
        <wp:comment_date_gmt>2024-06-02 10:0{id}:00</wp:comment_date_gmt><wp:comment_content><![CDATA[{text}]]></wp:comment_content>
        <wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
        """;

    [Theory]
    [MemberData(nameof(WxrImportTests.Backends), MemberType = typeof(WxrImportTests))]
    public async Task With_score_a_published_comment_the_model_calls_spam_is_held_and_the_report_counts_each_outcome(string backend)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("score-").FullName, "score.wxr");
        await File.WriteAllTextAsync(file, Wxr(), TestContext.Current.CancellationToken);
        var site = AdminStores.NewSite("score");

        var run = await WxrImportTests.RunAsync("import", "wxr", file, "--site", site, "--redis", stores.Address(backend), "--score");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("scored: published → pending 1", run.Out);
        Assert.Contains("scored: pending → spam 1", run.Out);
        Assert.Contains("scored: published kept 1", run.Out);
        Assert.Contains("scored: spam kept 1", run.Out);
        Assert.Contains("imported 4, already imported 0, skipped 0", run.Out);

        var comments = await WxrImportTests.AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Comment By(string text) => comments.Single(c => c.Text == text);
        Assert.Equal(CommentStatus.Pending, By(SupportSpam).Status);
        Assert.Equal(CommentStatus.Spam, By(CashSpam).Status);
        Assert.Equal(CommentStatus.Published, By(Ordinary).Status);
        Assert.Equal(CommentStatus.Spam, By(OldSpam).Status);
        var held = By(SupportSpam);
        Assert.NotNull(held.SpamScore);
        Assert.NotNull(held.ModelVersion);
        Assert.Contains(held.Reasons, r => r.Code == "import.wxr");
        Assert.Contains(held.Reasons, r => r.Code.StartsWith("model.", StringComparison.Ordinal) || r.Code.StartsWith("signal.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WxrImportTests.Backends), MemberType = typeof(WxrImportTests))]
    public async Task Without_score_every_comment_keeps_its_source_state_and_has_no_scores(string backend)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("score-").FullName, "score.wxr");
        await File.WriteAllTextAsync(file, Wxr(), TestContext.Current.CancellationToken);
        var site = AdminStores.NewSite("noscore");

        var run = await WxrImportTests.RunAsync("import", "wxr", file, "--site", site, "--redis", stores.Address(backend));
        Assert.True(run.Exit == 0, run.Err);
        Assert.DoesNotContain("scored:", run.Out);

        var comments = await WxrImportTests.AllCommentsAsync(await stores.ConnectAsync(backend), site);
        Assert.Equal(CommentStatus.Published, comments.Single(c => c.Text == SupportSpam).Status);
        Assert.Equal(CommentStatus.Pending, comments.Single(c => c.Text == CashSpam).Status);
        Assert.All(comments, c => Assert.Null(c.SpamScore));
    }

    [Fact]
    public async Task Score_with_a_folder_without_models_stops_before_importing_anything()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("score-").FullName, "score.wxr");
        await File.WriteAllTextAsync(file, Wxr(), TestContext.Current.CancellationToken);
        var empty = Directory.CreateTempSubdirectory("no-models-").FullName;
        var run = await WxrImportTests.RunAsync("import", "wxr", file, "--site", AdminStores.NewSite("score"), "--redis", stores.Address("garnet"), "--score", "--models", empty);
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("--score needs spam.zip and toxicity.zip", run.Err);
    }
}
