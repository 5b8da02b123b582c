using Comments.Core.Moderation;

namespace Comments.Storage.Tests;

/// <summary><see cref="RedisModeratorKeyStore"/> on each store: moderators are found by their key's digest only.</summary>
public abstract class ModeratorKeyStoreTests(StoreFixture store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_moderator_is_found_by_its_key_digest_with_role_and_sites_and_is_gone_once_removed()
    {
        var keys = new RedisModeratorKeyStore(store.Connection);
        var digest = ModeratorKey.Digest(ModeratorKey.New());
        await keys.AddAsync(digest, new Moderator("ann", ModeratorRole.Moderator, ["blog", "news"]), Ct);

        var found = await keys.FindAsync(digest, Ct);
        Assert.NotNull(found);
        Assert.Equal(("ann", ModeratorRole.Moderator), (found.Name, found.Role));
        Assert.Equal(["blog", "news"], found.Sites);
        Assert.Null(await keys.FindAsync(ModeratorKey.Digest(ModeratorKey.New()), Ct));

        Assert.True(await keys.RemoveAsync(digest, Ct));
        Assert.Null(await keys.FindAsync(digest, Ct));
        Assert.False(await keys.RemoveAsync(digest, Ct));
    }

    [Fact]
    public async Task The_store_keeps_the_digest_and_never_the_key()
    {
        var keys = new RedisModeratorKeyStore(store.Connection);
        var key = ModeratorKey.New();
        await keys.AddAsync(ModeratorKey.Digest(key), new Moderator("root", ModeratorRole.Admin, []), Ct);

        var entries = await store.Connection.GetDatabase().HashGetAllAsync(RedisKeys.Moderators());
        Assert.Contains(entries, e => e.Name == ModeratorKey.Digest(key));
        Assert.DoesNotContain(entries, e => e.Name.ToString().Contains(key, StringComparison.Ordinal) || e.Value.ToString().Contains(key, StringComparison.Ordinal));
    }
}

public sealed class ModeratorKeyStoreOnGarnet(GarnetStore store) : ModeratorKeyStoreTests(store);

public sealed class ModeratorKeyStoreOnRedis(RedisStore store) : ModeratorKeyStoreTests(store);
