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

    /// <summary>
    /// The same for every key format there is or will be (found by reflection, so a new key added
    /// without the tag fails here before a cluster run does): the hash tag Redis Cluster hashes (the
    /// text between the first '{' and the next '}') is the site. Only the keys that span sites
    /// have none (and the per-address request windows carry the address), and those must never be in a site's transaction or script.
    /// </summary>
    [Fact]
    public void Every_key_format_that_takes_a_site_hashes_to_the_sites_slot_and_only_the_listed_keys_span_sites()
    {
        var methods = typeof(RedisKeys).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(StackExchange.Redis.RedisKey)).ToList();
        var siteWide = methods.Where(m => m.GetParameters().Any(p => p.Name == "site")).ToList();
        Assert.True(siteWide.Count >= 20, $"only {siteWide.Count} site key formats found");
        foreach (var method in siteWide)
        {
            var args = method.GetParameters().Select(p => p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).GetValue(0)
                : p.ParameterType == typeof(DateOnly) ? new DateOnly(2026, 11, 30)
                : p.ParameterType == typeof(long) ? 29_000_000L
                : p.Name!.EndsWith("Digest", StringComparison.Ordinal) ? "0a1b2c"
                : (object)(p.Name switch
            {
                "site" => "blog-7",
                "thread" => "post-1:x",
                "id" => "12",
                "source" => "wxr",
                _ => "ab{12}",
            })).ToArray();
            var key = method.Invoke(null, args)!.ToString()!;
            Assert.True(HashTag(key) == "blog-7", $"{method.Name} gives {key}, whose cluster hash tag is not the site");
        }
        Assert.Equal(["CheckpointHolds", "Checkpointing", "Moderators", "RequestWindow", "ServerSecret"], methods.Except(siteWide).Select(m => m.Name).Order());
        // A request window is one key per command, tagged by the address digest so windows spread over a cluster.
        Assert.Equal("0a1b", HashTag(RedisKeys.RequestWindow("posts", "0a1b", 29_000_000).ToString()));
        Assert.Throws<InvalidIdException>(() => RedisKeys.RequestWindow("posts", "1.2.3.4", 1));
    }

    private static string HashTag(string key)
    {
        var open = key.IndexOf('{');
        var close = open < 0 ? -1 : key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : key;
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
