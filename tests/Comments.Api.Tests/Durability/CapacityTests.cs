using System.Net;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// The embedded store keeps its log in memory within Storage:EmbeddedCapacity. Garnet would silently
/// evict the oldest records past its memory; instead readiness warns first, new comments are refused
/// with 507 at the limit, and every comment it took stays readable, across a kill -9 too.
/// </summary>
public sealed class CapacityTests
{
    /// <summary>Comments of ~40 KB: an 8 MB capacity (2 MB of it Garnet's first pages) fills in ~80 of them.</summary>
    private static string Text(int i) => $"capacity {i} " + new string((char)('a' + i % 26), 40_000);

    [Fact]
    public async Task At_its_capacity_the_embedded_store_warns_then_refuses_with_507_and_keeps_every_comment_it_took()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-capacity-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                ["Storage__EmbeddedCapacity"] = "8m",
                ["Storage__EmbeddedCapacityWarnPercent"] = "80",
            };
            var thread = TestSites.NewThread("capacity");
            var ids = new List<string>();
            int? degradedAt = null;
            await using (var service = await ServiceProcess.StartAsync(env))
            {
                using var client = service.CreateClient();
                Assert.Equal("Healthy", (await CapacityCheckAsync(client)).GetProperty("status").GetString());
                while (true)
                {
                    Assert.True(ids.Count < 400, "no 507 after 400 comments of 40 KB against an 8 MB capacity");
                    using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply(Text(ids.Count)));
                    if (response.StatusCode == HttpStatusCode.InsufficientStorage)
                    {
                        await response.AssertProblemAsync(HttpStatusCode.InsufficientStorage, "server.store_full");
                        break;
                    }
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    ids.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
                    var check = await CapacityCheckAsync(client);
                    if (degradedAt is null && check.GetProperty("status").GetString() == "Degraded")
                    {
                        degradedAt = ids.Count;
                        Assert.Contains("Storage:EmbeddedCapacity", check.GetProperty("description").GetString());
                    }
                }

                Assert.True(degradedAt is not null && degradedAt < ids.Count, $"readiness turned Degraded at {degradedAt}, the first 507 came after {ids.Count}");
                Assert.Contains("full", (await CapacityCheckAsync(client)).GetProperty("description").GetString());
                await service.WaitForLineAsync(l => l.Contains("The embedded store is at", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
                // Still refused, and nothing of the refused ones was stored; reading works.
                using (var again = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("one more, short")))
                    await again.AssertProblemAsync(HttpStatusCode.InsufficientStorage, "server.store_full");
                await AssertAllReadableAsync(client, thread, ids);
                await service.KillAsync();
            }

            // Recovery of a full store fits in its memory (nothing evicted on the way) and it stays full.
            await using var restarted = await ServiceProcess.StartAsync(env);
            using var reader = restarted.CreateClient();
            await AssertAllReadableAsync(reader, thread, ids);
            using var after = await reader.PostAsync(TestSites.Open, thread, TestApi.Reply("after the restart"));
            await after.AssertProblemAsync(HttpStatusCode.InsufficientStorage, "server.store_full");
            Assert.Equal("Degraded", (await CapacityCheckAsync(reader)).GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<JsonElement> CapacityCheckAsync(HttpClient client)
    {
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        return (await ready.JsonAsync()).GetProperty("checks").GetProperty("capacity");
    }

    private static async Task AssertAllReadableAsync(HttpClient client, string thread, List<string> ids)
    {
        var page = await client.GetJsonAsync(TestApi.CommentsPath(TestSites.Open, thread) + "?limit=200");
        Assert.Equal(ids, page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        for (var i = 0; i < ids.Count; i++)
        {
            var comment = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{ids[i]}");
            Assert.StartsWith($"<p>capacity {i} ", comment.GetProperty("html").GetString());
        }
    }
}
