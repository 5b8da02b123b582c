using System.Collections.Concurrent;
using System.Net;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// Nothing acknowledged is ever lost: writers post while the service is killed with SIGKILL;
/// after a restart on the same data, every comment that got a 201 or 202 is there.
/// </summary>
public sealed class DurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_embedded_garnet_every_acknowledged_comment_survives_kill_9() => KillAndRecover(redis: null);

    [Fact]
    public Task On_redis_every_acknowledged_comment_survives_kill_9_of_the_service()
    {
        StoreBackend.SkipUnlessRedis();
        return KillAndRecover(StoreBackend.Redis!.RedisAddress);
    }

    /// <summary>
    /// The storage tier is an opt-in (unsound under sustained writes in Garnet 2.2.8, docs/reliability.md);
    /// when it is on, data beyond the memory budget goes to disk and is read back, never evicted.
    /// The default (no storage tier) is covered by <see cref="CapacityTests"/>: refused before full, never evicted.
    /// </summary>
    [Fact]
    public async Task With_the_storage_tier_opted_in_embedded_garnet_keeps_every_comment_written_beyond_its_memory_budget()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-budget-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                ["Storage__EmbeddedStorageTier"] = "true",
                ["Storage__EmbeddedMemory"] = "4m",
            };
            await using var service = await ServiceProcess.StartAsync(env);
            using var client = service.CreateClient();
            var thread = TestSites.NewThread("budget");
            var ids = new List<string>();
            // 200 comments of ~60 KB: about 12 MB of comment data against a 4 MB memory budget.
            for (var i = 0; i < 200; i++)
            {
                var text = $"comment {i} " + new string((char)('a' + i % 26), 60_000);
                ids.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply(text))).GetProperty("id").GetString()!);
            }

            for (var i = 0; i < ids.Count; i++)
            {
                var comment = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{ids[i]}");
                Assert.StartsWith($"<p>comment {i} ", comment.GetProperty("html").GetString());
            }
            var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?limit=200");
            Assert.Equal(200, page.GetProperty("count").GetInt64());
            Assert.Equal(ids, page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Embedded_garnet_checkpoints_its_append_only_file_and_keeps_every_comment_across_kill_9()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-checkpoint-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                // Any growth of the append-only file triggers a checkpoint at the next one-second tick.
                ["Storage__EmbeddedCheckpointAofMegabytes"] = "0",
                ["Storage__EmbeddedCheckpointCheckSeconds"] = "1",
            };
            var thread = TestSites.NewThread("checkpoint");
            var ids = new List<string>();
            await using (var service = await ServiceProcess.StartAsync(env))
            {
                using var client = service.CreateClient();
                for (var i = 0; i < 20; i++)
                    ids.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"before the checkpoint {i}"))).GetProperty("id").GetString()!);
                await service.WaitForLineAsync(l => l.Contains("Embedded store checkpoint in", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
                for (var i = 0; i < 20; i++)
                    ids.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply($"after the checkpoint {i}"))).GetProperty("id").GetString()!);
                await service.KillAsync();
            }
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(dataDir, "checkpoints", "Store"), "snapshot.dat*", SearchOption.AllDirectories));

            // Recovery is the checkpoint plus the part of the append-only file written after it.
            await using var restarted = await ServiceProcess.StartAsync(env);
            using var reader = restarted.CreateClient();
            var page = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?limit=200");
            Assert.Equal(ids, page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task KillAndRecover(string? redis)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-kill-").FullName;
        try
        {
            var env = TestSites.Environment(dataDir, redis, FreePort.Next());
            var service = await ServiceProcess.StartAsync(env);
            var thread = TestSites.NewThread("kill");
            var acknowledged = new ConcurrentBag<(string Site, string Id)>();
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            async Task Writer(int worker)
            {
                using var client = service.CreateClient();
                for (var i = 0; i < 1000; i++)
                {
                    var site = i % 4 == 0 ? TestSites.Premoderated : TestSites.Open;
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PostAsync(site, thread, TestApi.Reply($"worker {worker} comment {i}"));
                    }
                    catch (HttpRequestException)
                    {
                        return; // the service is gone: whatever was in flight was never acknowledged
                    }
                    using (response)
                    {
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted)
                        {
                            acknowledged.Add((site, (await response.JsonAsync()).GetProperty("id").GetString()!));
                            if (acknowledged.Count >= 150) enough.TrySetResult();
                        }
                    }
                }
            }

            var writers = Enumerable.Range(0, 6).Select(Writer).ToArray();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            await service.KillAsync();
            await Task.WhenAll(writers);
            await service.DisposeAsync();

            await using var restarted = await ServiceProcess.StartAsync(env);
            using var reader = restarted.CreateClient();
            var published = acknowledged.Where(a => a.Site == TestSites.Open).Select(a => a.Id).ToHashSet();
            var listed = new HashSet<string>();
            string? cursor = null;
            do
            {
                var page = await reader.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"));
                foreach (var c in page.GetProperty("comments").EnumerateArray()) listed.Add(c.GetProperty("id").GetString()!);
                cursor = page.GetProperty("nextCursor").GetString();
            } while (cursor is not null);
            Assert.Subset(listed, published);

            // Held comments are not public: look for them in the store the service uses.
            var storeAddress = redis ?? $"127.0.0.1:{env["Storage__EmbeddedPort"]}";
            await using var store = await ConnectionMultiplexer.ConnectAsync(storeAddress);
            foreach (var (site, id) in acknowledged.Where(a => a.Site == TestSites.Premoderated))
                Assert.True(await store.GetDatabase().KeyExistsAsync($"c:{{{site}}}:comment:{id}"), $"held comment {id} was lost");
            Assert.True(acknowledged.Count >= 150);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
