using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>The admin CLI against the same store the service uses.</summary>
public abstract class AdminCliTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_moderator_added_with_the_cli_can_moderate_its_site_and_is_refused_once_removed()
    {
        var added = await AdminCli.RunAsync("add-moderator", "--redis", fixture.StoreAddress(), "--name", "carla", "--site", TestSites.Anonymous);
        Assert.True(added.ExitCode == 0, added.Error);
        var key = added.Output.Trim();
        Assert.StartsWith("mk_", key);
        using var moderator = fixture.CreateModeratorClient(key);

        var me = await moderator.GetJsonAsync("/api/moderation/me");
        Assert.Equal("carla", me.GetProperty("name").GetString());
        Assert.Equal([TestSites.Anonymous], me.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray());
        using var otherSite = await moderator.GetAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/counts", Ct);
        await otherSite.AssertProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden_site");
        await AssertStoredAsDigestOnlyAsync(key);

        var hash = (await AdminCli.RunAsync("hash-key", key)).Output.Trim();
        var removed = await AdminCli.RunAsync("remove-moderator", "--redis", fixture.StoreAddress(), "--key-hash", hash);
        Assert.True(removed.ExitCode == 0, removed.Error);
        using var refused = await moderator.GetAsync("/api/moderation/me", Ct);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_key");
    }

    // The store holds the digest only: the key itself appears nowhere in the moderators hash.
    private async Task AssertStoredAsDigestOnlyAsync(string key)
    {
        var entries = await fixture.Store.HashGetAllAsync("c:moderators");
        Assert.DoesNotContain(entries, e => e.Name.ToString() == key || e.Value.ToString().Contains(key, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Name.ToString() == TestModerators.Digest(key));
    }

    [Fact]
    public async Task Rename_thread_keys_moves_a_store_written_before_issue_10_to_the_new_index_names()
    {
        using var reader = fixture.CreateClient();
        var site = TestSites.Open;
        var thread = TestSites.NewThread("old");
        var other = thread + "-o:likes"; // its own hash sits at thread:{other}, a name that ends like an old index
        var liked = (await reader.PublishAsync(site, thread, TestApi.Reply("One."))).GetProperty("id").GetString();
        await reader.PublishAsync(site, thread, TestApi.Reply("Two."));
        await reader.PublishAsync(site, other, TestApi.Reply("Elsewhere."));
        using (var like = await reader.PostAsync($"/api/sites/{site}/comments/{liked}/likes",
            System.Net.Http.Json.JsonContent.Create(new { reader = "reader-token-0123456789" }), Ct))
            Assert.Equal(HttpStatusCode.OK, like.StatusCode);

        // The layout an older build wrote: the thread's indexes under thread:{thread}:…
        foreach (var index in new[] { "published", "all", "digests", "likes" })
            Assert.True(await fixture.Store.KeyRenameAsync($"c:{{{site}}}:thread-{index}:{thread}", $"c:{{{site}}}:thread:{thread}:{index}"));
        Assert.Equal(0, (await reader.GetJsonAsync(TestApi.CommentsPath(site, thread))).GetProperty("count").GetInt64());

        var run = await AdminCli.RunAsync("rename-thread-keys", "--redis", fixture.StoreAddress(), "--site", site);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(2, (await reader.GetJsonAsync(TestApi.CommentsPath(site, thread))).GetProperty("count").GetInt64());
        var likes = await reader.GetJsonAsync($"/api/sites/{site}/threads/{thread}/likes");
        Assert.Equal(1, likes.GetProperty("likes").GetProperty(liked!).GetInt64());
        Assert.Equal(1, (await reader.GetJsonAsync(TestApi.CommentsPath(site, other))).GetProperty("count").GetInt64());
        Assert.True(await fixture.Store.KeyExistsAsync($"c:{{{site}}}:thread:{other}"));
        Assert.False(await fixture.Store.KeyExistsAsync($"c:{{{site}}}:thread-likes:{thread}-o"));

        var again = await AdminCli.RunAsync("rename-thread-keys", "--redis", fixture.StoreAddress(), "--site", site);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(2, (await reader.GetJsonAsync(TestApi.CommentsPath(site, thread))).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Export_labels_writes_each_decision_as_a_corpus_line_in_the_shared_data_shape()
    {
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.AnonKey);
        var thread = TestSites.NewThread();
        var tag = Guid.NewGuid().ToString("N");
        string Id(JsonElement c) => c.GetProperty("id").GetString()!;
        var good = Id(await reader.PublishAsync(TestSites.Anonymous, thread, TestApi.Reply($"Thanks, very helpful {tag}")));
        var rude = Id(await reader.PublishAsync(TestSites.Anonymous, thread, TestApi.Reply($"You are an idiot {tag}")));
        var spam = Id(await reader.PublishAsync(TestSites.Anonymous, thread, TestApi.Reply($"Cheap pills at example.com {tag}")));
        await moderator.ActOkAsync(TestSites.Anonymous, good, "spam");
        await moderator.ActOkAsync(TestSites.Anonymous, good, "approve"); // the latest decision is the label
        await moderator.ActOkAsync(TestSites.Anonymous, rude, "reject", "offensive");
        await moderator.ActOkAsync(TestSites.Anonymous, spam, "spam");

        var spamFile = Path.Combine(Path.GetTempPath(), $"labels-{tag}.jsonl");
        var spamRun = await AdminCli.RunAsync("export-labels", "--redis", fixture.StoreAddress(), "--site", TestSites.Anonymous, "--task", "spam", "--out", spamFile);
        var toxicRun = await AdminCli.RunAsync("export-labels", "--redis", fixture.StoreAddress(), "--site", TestSites.Anonymous, "--task", "toxicity");
        Assert.True(spamRun.ExitCode == 0, spamRun.Error);
        Assert.True(toxicRun.ExitCode == 0, toxicRun.Error);

        var spamLines = Ours(await File.ReadAllLinesAsync(spamFile, Ct), tag);
        var toxicLines = Ours(toxicRun.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), tag);
        File.Delete(spamFile);

        Assert.Equal(new Dictionary<string, int> { [$"Thanks, very helpful {tag}"] = 0, [$"You are an idiot {tag}"] = 0, [$"Cheap pills at example.com {tag}"] = 1 },
            spamLines.ToDictionary(l => l.GetProperty("text").GetString()!, l => l.GetProperty("label").GetInt32()));
        Assert.Equal(new Dictionary<string, int> { [$"Thanks, very helpful {tag}"] = 0, [$"You are an idiot {tag}"] = 1 },
            toxicLines.ToDictionary(l => l.GetProperty("text").GetString()!, l => l.GetProperty("label").GetInt32()));
        foreach (var line in spamLines.Concat(toxicLines))
        {
            Assert.Equal(["text", "label", "source", "split", "group"], line.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal($"moderation-{TestSites.Anonymous}", line.GetProperty("source").GetString());
            var text = line.GetProperty("text").GetString()!;
            Assert.Equal(SHA1.HashData(Encoding.UTF8.GetBytes(text))[0] % 5 == 0 ? "test" : "train", line.GetProperty("split").GetString());
        }
        Assert.Equal("reject:offensive", toxicLines.Single(l => l.GetProperty("label").GetInt32() == 1).GetProperty("group").GetString());
    }

    private static List<JsonElement> Ours(IEnumerable<string> lines, string tag) =>
        lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(l => l.GetProperty("text").GetString()!.EndsWith(tag, StringComparison.Ordinal)).ToList();
}

public sealed class AdminCliOnGarnet(GarnetService fixture) : AdminCliTests(fixture);

public sealed class AdminCliOnRedis(RedisService fixture) : AdminCliTests(fixture);
