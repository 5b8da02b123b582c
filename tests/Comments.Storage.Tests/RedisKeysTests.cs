using Comments.Core.Comments;

namespace Comments.Storage.Tests;

/// <summary>The one class that names every key: a site's keys share one hash tag, and ids are checked before they become keys.</summary>
public sealed class RedisKeysTests
{
    [Fact]
    public void Every_key_of_a_site_carries_the_sites_hash_tag_so_a_cluster_keeps_them_on_one_slot()
    {
        const string site = "blog";
        var keys = new[]
        {
            RedisKeys.Sequence(site), RedisKeys.Comment(site, "12"), RedisKeys.Thread(site, "post-1"),
            RedisKeys.ThreadPublished(site, "post-1"), RedisKeys.ThreadAll(site, "post-1"), RedisKeys.ThreadDigests(site, "post-1"),
            RedisKeys.Threads(site), RedisKeys.Status(site, CommentStatus.Pending), RedisKeys.Author(site, "ab12"),
            RedisKeys.Idempotency(site, "k-1"), RedisKeys.Bans(site), RedisKeys.Flood(site, "x"), RedisKeys.Reported(site),
            RedisKeys.Flags(site, "12"), RedisKeys.AuditSequence(site), RedisKeys.Audit(site), RedisKeys.AuditOfComment(site, "12"),
            RedisKeys.Labels(site), RedisKeys.Likers(site, "12"), RedisKeys.ThreadLikes(site, "post-1"),
            RedisKeys.LikesFromAddress(site, "12", "cd34"), RedisKeys.ImportMap(site, "wxr"), RedisKeys.ImportMap(site, "disqus"),
        };
        Assert.All(keys, key => Assert.StartsWith("c:{blog}:", key.ToString()));
        Assert.Equal(keys.Length, keys.Select(k => k.ToString()).Distinct().Count());
    }

    [Theory]
    [InlineData("Blog", "post", "1")]
    [InlineData("blog", "post/1", "1")]
    [InlineData("blog", "post", "1a")]
    [InlineData("blog}", "post", "1")]
    public void An_id_that_could_reach_another_key_is_refused_before_it_becomes_one(string site, string thread, string comment)
    {
        Assert.Throws<InvalidIdException>(() => { _ = RedisKeys.Thread(site, thread); _ = RedisKeys.Comment(site, comment); });
    }

    [Theory]
    [InlineData("seq")]
    [InlineData("WXR")]
    [InlineData("wxr:x")]
    public void An_import_map_is_named_only_for_a_known_import_source(string source) =>
        Assert.Throws<InvalidIdException>(() => RedisKeys.ImportMap("blog", source));
}
