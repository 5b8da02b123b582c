using Comments.Core.Outbox;
using Comments.Core.Posts;
using Comments.Core.Subscriptions;

namespace Comments.Storage.Tests;

/// <summary><see cref="RedisPostStore"/> on each store: a URL is announced once however many announce it at once, and posts announced together share one digest batch.</summary>
public abstract class PostStoreTests(StoreFixture store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;

    private static DigestBatch[] Digests(string site) =>
    [
        new(PostFrequency.Daily, TimeSpan.FromHours(1), b => new OutboxItem($"post-digest:daily:{b}", PostOutboxKinds.Digest, site, new Dictionary<string, string>())),
        new(PostFrequency.Weekly, TimeSpan.FromHours(2), b => new OutboxItem($"post-digest:weekly:{b}", PostOutboxKinds.Digest, site, new Dictionary<string, string>())),
    ];

    private static Post NewPost(string url) => new(PostIds.Of(new Uri(url)), url, "A post", null, null, T0);

    private static OutboxItem PerPost(string site, Post post) =>
        new($"post:{post.Id}", PostOutboxKinds.Post, site, new Dictionary<string, string> { ["post"] = post.Id });

    [Fact]
    public async Task Eight_nodes_announcing_the_same_url_at_once_store_it_once_and_queue_its_mail_once()
    {
        var site = StoreFixture.NewSite("posts");
        var post = NewPost($"https://blog.example/{Guid.NewGuid():N}/");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            new RedisPostStore(store.Connection).AnnounceAsync(post, site, PerPost(site, post), Digests(site), T0, Ct)));

        Assert.Equal(1, results.Count(r => r == AnnounceResult.Announced));
        Assert.Equal(7, results.Count(r => r == AnnounceResult.Known));
        // The per-post mail and one batch per digest frequency: three items, each once.
        var outbox = new RedisOutbox(store.Connection);
        Assert.Equal(3, await outbox.DepthAsync(site));
        var claimed = await outbox.ClaimDueAsync(site, T0.AddHours(3), TimeSpan.FromSeconds(30), 10, Ct);
        var daily = Assert.Single(claimed, c => c.Item.Id.StartsWith("post-digest:daily:", StringComparison.Ordinal));
        var batch = long.Parse(daily.Item.Id["post-digest:daily:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([post.Id], await new RedisPostStore(store.Connection).DigestAsync(site, PostFrequency.Daily, batch, Ct));
        Assert.Equal(post.Url, (await new RedisPostStore(store.Connection).GetAsync(site, post.Id, Ct))!.Url);
    }

    [Fact]
    public async Task Posts_announced_together_share_one_open_digest_batch_and_a_recorded_post_queues_nothing()
    {
        var site = StoreFixture.NewSite("posts");
        var posts = Enumerable.Range(0, 10).Select(i => NewPost($"https://blog.example/{i}-{Guid.NewGuid():N}/")).ToList();
        var results = await Task.WhenAll(posts.Select(p =>
            new RedisPostStore(store.Connection).AnnounceAsync(p, site, PerPost(site, p), Digests(site), T0, Ct)));
        Assert.All(results, r => Assert.Equal(AnnounceResult.Announced, r));

        var recorded = NewPost($"https://blog.example/archive-{Guid.NewGuid():N}/");
        Assert.Equal(AnnounceResult.Recorded, await new RedisPostStore(store.Connection).AnnounceAsync(recorded, site, null, Digests(site), T0, Ct));
        Assert.Equal(AnnounceResult.Known, await new RedisPostStore(store.Connection).AnnounceAsync(recorded, site, PerPost(site, recorded), Digests(site), T0, Ct));

        // Ten per-post items, one daily and one weekly batch; the recorded post is in none.
        var claimed = await new RedisOutbox(store.Connection).ClaimDueAsync(site, T0.AddHours(3), TimeSpan.FromSeconds(30), 50, Ct);
        Assert.Equal(12, claimed.Count);
        var weekly = Assert.Single(claimed, c => c.Item.Id.StartsWith("post-digest:weekly:", StringComparison.Ordinal));
        var batch = long.Parse(weekly.Item.Id["post-digest:weekly:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var inBatch = await new RedisPostStore(store.Connection).DigestAsync(site, PostFrequency.Weekly, batch, Ct);
        Assert.Equal(posts.Select(p => p.Id).Order(), inBatch.Order());
    }
}

public sealed class PostStoreOnGarnet(GarnetStore store) : PostStoreTests(store);

public sealed class PostStoreOnRedis(RedisStore store) : PostStoreTests(store);
