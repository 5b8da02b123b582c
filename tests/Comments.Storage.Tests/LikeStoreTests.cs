using Comments.Core.Engagement;

namespace Comments.Storage.Tests;

/// <summary><see cref="RedisLikeStore"/> on each store: one like per reader, a cap per address, counts per thread.</summary>
public abstract class LikeStoreTests(StoreFixture store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_readers_second_like_is_not_counted_and_the_thread_counts_hold_only_liked_comments()
    {
        var likes = new RedisLikeStore(store.Connection);
        var site = StoreFixture.NewSite("likes");

        Assert.Equal(new LikeOutcome(LikeStatus.Counted, 1), await likes.LikeAsync(site, "t1", "1", "reader-a", "address-1", Ct));
        Assert.Equal(new LikeOutcome(LikeStatus.AlreadyLiked, 1), await likes.LikeAsync(site, "t1", "1", "reader-a", "address-2", Ct));
        Assert.Equal(new LikeOutcome(LikeStatus.Counted, 2), await likes.LikeAsync(site, "t1", "1", "reader-b", "address-1", Ct));
        Assert.Equal(new LikeOutcome(LikeStatus.Counted, 1), await likes.LikeAsync(site, "t1", "2", "reader-a", "address-1", Ct));
        await likes.LikeAsync(site, "t2", "3", "reader-a", "address-1", Ct);

        var counts = await likes.CountsAsync(site, "t1", Ct);
        Assert.Equal(new Dictionary<string, long> { ["1"] = 2, ["2"] = 1 }, counts);
        Assert.Empty(await likes.CountsAsync(site, "t-none", Ct));
    }

    [Fact]
    public async Task One_address_gives_a_comment_at_most_the_capped_number_of_likes_while_other_addresses_still_count()
    {
        var likes = new RedisLikeStore(store.Connection);
        var site = StoreFixture.NewSite("cap");
        for (var i = 1; i <= ReaderKeys.LikesPerAddressAndComment; i++)
            Assert.Equal(new LikeOutcome(LikeStatus.Counted, i), await likes.LikeAsync(site, "t", "7", $"reader-{i}", "one-address", Ct));

        Assert.Equal(LikeStatus.TooMany, (await likes.LikeAsync(site, "t", "7", "reader-extra", "one-address", Ct)).Status);
        Assert.Equal(new LikeOutcome(LikeStatus.Counted, ReaderKeys.LikesPerAddressAndComment + 1),
            await likes.LikeAsync(site, "t", "7", "reader-extra", "another-address", Ct));
    }
}

public sealed class LikeStoreOnGarnet(GarnetStore store) : LikeStoreTests(store);

public sealed class LikeStoreOnRedis(RedisStore store) : LikeStoreTests(store);
