using Comments.Core.Comments;
using Comments.Core.Storage;
using Comments.Storage;
using StackExchange.Redis;

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

    [Theory]
    [MemberData(nameof(WxrImportTests.Backends), MemberType = typeof(WxrImportTests))]
    public async Task A_batch_writes_exactly_the_keys_and_values_that_saving_each_comment_on_its_own_writes(string backend)
    {
        var redis = await stores.ConnectAsync(backend);
        var store = new RedisCommentStore(redis);
        var (one, batch) = (AdminStores.NewSite("each"), AdminStores.NewSite("batch"));
        // Two threads, every status, replies, shared and missing authors, the same text twice in a thread, titles and urls.
        NewCommentWrite Varied(string site, int i)
        {
            var status = (CommentStatus)(i % 5);
            var thread = i % 3 == 0 ? "t:b" : "t-a";
            var text = i % 4 == 0 ? "Thanks!" : $"Comment {i}";
            return new NewCommentWrite(
                new Comment
                {
                    Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Seq = i, Site = site, ThreadId = thread,
                    ParentId = i > 3 && i % 2 == 0 ? (i - 3).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, Depth = i > 3 && i % 2 == 0 ? 1 : 0,
                    Text = text, Html = $"<p>{text}</p>", AuthorName = $"Reader {i % 3}", AuthorEmail = i % 5 == 0 ? null : $"r{i % 3}@example.org",
                    Ip = AddressKeys.Unknown, Status = status, CreatedAt = DateTimeOffset.UnixEpoch.AddHours(i),
                },
                AuthorKeys.TextDigest(text), i < 3 ? null : $"Title of {thread}", i < 5 ? null : $"https://example.org/{thread}", null,
                i % 5 == 0 ? null : $"digest{i % 3}", new ImportOrigin(i % 7 == 0 ? "disqus" : "wxr", $"src{i}", $"{i} 0 {i}", DateTimeOffset.UnixEpoch.AddDays(thread == "t-a" ? 1 : 2)));
        }

        foreach (var i in Enumerable.Range(1, 40))
            Assert.Equal(SaveStatus.Saved, (await store.SaveNewAsync(Varied(one, i), TestContext.Current.CancellationToken)).Status);
        var outcomes = await store.SaveImportedAsync(Enumerable.Range(1, 40).Select(i => Varied(batch, i)).ToList(), TestContext.Current.CancellationToken);

        Assert.All(outcomes, o => Assert.Equal(SaveStatus.Saved, o.Status));
        var expected = await DumpAsync(redis, one);
        Assert.True(expected.Count > 40, $"only {expected.Count} keys");
        Assert.Equal(expected, await DumpAsync(redis, batch));
    }

    /// <summary>Every key of a site, with the site's id replaced by "SITE", and its content in a comparable text form.</summary>
    private static async Task<SortedDictionary<string, string>> DumpAsync(IConnectionMultiplexer redis, string site)
    {
        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var dump = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string Plain(RedisValue v) => ((string)v!).Replace(site, "SITE", StringComparison.Ordinal);
        await foreach (var key in server.KeysAsync(pattern: $"*{{{site}}}*", pageSize: 1000))
        {
            var type = await db.KeyTypeAsync(key);
            var content = type switch
            {
                RedisType.String => Plain(await db.StringGetAsync(key)),
                RedisType.SortedSet => string.Join(" ", (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => $"{Plain(e.Element)}={e.Score}")),
                RedisType.Set => string.Join(" ", (await db.SetMembersAsync(key)).Select(Plain).Order(StringComparer.Ordinal)),
                RedisType.Hash => string.Join(" ", (await db.HashGetAllAsync(key)).Select(e => $"{Plain(e.Name)}={Plain(e.Value)}").Order(StringComparer.Ordinal)),
                _ => throw new InvalidOperationException($"{key} is a {type}"),
            };
            dump[$"{type} {Plain(key.ToString())}"] = content;
        }
        return dump;
    }
}
