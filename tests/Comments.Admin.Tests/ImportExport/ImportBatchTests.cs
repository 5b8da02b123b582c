using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Storage;

namespace Comments.Admin.Tests.ImportExport;

/// <summary>
/// <see cref="RedisCommentStore.SaveImportedAsync"/>, the import's batch transaction, on a real Garnet and redis-server:
/// all of a batch or none of it, and when one of its rows was imported meanwhile (another import of the same
/// file), the others are still stored once and that one is not stored twice.
/// </summary>
public sealed class ImportBatchTests(AdminStores stores) : IClassFixture<AdminStores>
{
    private static NewCommentWrite Write(string site, long seq, string sourceRow) => new(
        new Comment
        {
            Id = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Seq = seq, Site = site, ThreadId = "batch",
            Text = $"Row {sourceRow}", Html = $"<p>Row {sourceRow}</p>", AuthorName = "Reader", Ip = AddressKeys.Unknown,
            Status = CommentStatus.Published, CreatedAt = DateTimeOffset.UnixEpoch.AddDays(seq),
        },
        AuthorKeys.TextDigest($"Row {sourceRow}"), "Batch", null, null, null, new ImportOrigin("wxr", sourceRow, $"{seq} 0 {seq}", DateTimeOffset.UnixEpoch));

    [Theory]
    [MemberData(nameof(WxrImportTests.Backends), MemberType = typeof(WxrImportTests))]
    public async Task A_batch_whose_row_was_imported_meanwhile_stores_the_others_once_and_that_row_not_again(string backend)
    {
        var redis = await stores.ConnectAsync(backend);
        var store = new RedisCommentStore(redis);
        var site = AdminStores.NewSite("batch");
        // Another import stored row 2 (as comment 20) after this batch read the import map.
        Assert.Equal(SaveStatus.Saved, (await store.SaveNewAsync(Write(site, 20, "2"), TestContext.Current.CancellationToken)).Status);

        var outcomes = await store.SaveImportedAsync([Write(site, 1, "1"), Write(site, 2, "2"), Write(site, 3, "3")], TestContext.Current.CancellationToken);

        Assert.Equal([SaveStatus.Saved, SaveStatus.AlreadyImported, SaveStatus.Saved], outcomes.Select(o => o.Status));
        var stored = await WxrImportTests.AllCommentsAsync(redis, site);
        Assert.Equal(["1", "3", "20"], stored.Select(c => c.Id).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal));
        Assert.Null(await store.GetAsync(site, "2", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(WxrImportTests.Backends), MemberType = typeof(WxrImportTests))]
    public async Task A_fresh_batch_is_stored_whole_in_one_transaction_with_its_import_map_entries(string backend)
    {
        var redis = await stores.ConnectAsync(backend);
        var store = new RedisCommentStore(redis);
        var site = AdminStores.NewSite("batch");
        var writes = Enumerable.Range(1, 600).Select(i => Write(site, i, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var outcomes = await store.SaveImportedAsync(writes, TestContext.Current.CancellationToken);

        Assert.All(outcomes, o => Assert.Equal(SaveStatus.Saved, o.Status));
        Assert.Equal(600, (await WxrImportTests.AllCommentsAsync(redis, site)).Count);
        var map = await new RedisSiteArchive(redis).ImportedAsync(site, "wxr", ["1", "600", "601"]);
        Assert.Equal(new string?[] { "1 0 1", "600 0 600", null }, map.AsEnumerable());
        Assert.Equal(600, (await store.GetThreadAsync(site, "batch", TestContext.Current.CancellationToken))?.Version);
    }
}
