using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// Were the store ever to lose its latest writes, an id is still never handed out twice, and an
/// author token kept from a lost comment opens nothing: not its old id, not whatever came after.
/// The loss is made in the store the service uses, as a torn log tail leaves it: the comment is
/// gone and the site's sequence is back where it was before it; the service is then killed and
/// started again on that store, as after the crash that tore the tail.
/// </summary>
public sealed class IdsAfterLossTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores() => StoreBackend.Redis is null ? ["garnet"] : ["garnet", "redis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task After_a_lost_comment_its_id_is_not_given_again_and_its_token_opens_nothing(string store)
    {
        var redis = store == "redis" ? StoreBackend.Redis!.RedisAddress : null;
        var dataDir = Directory.CreateTempSubdirectory("comments-loss-").FullName;
        try
        {
            var env = TestSites.Environment(dataDir, redis, FreePort.Next());
            var thread = TestSites.NewThread("loss");
            var site = TestSites.Open;
            string lostId, lostToken;
            await using (var crashed = await ServiceProcess.StartAsync(env))
            {
                using var writer = crashed.CreateClient();
                using var first = await writer.PostAsync(site, thread, TestApi.Reply("the comment that will be lost"));
                Assert.Equal(HttpStatusCode.Created, first.StatusCode);
                lostId = (await first.JsonAsync()).GetProperty("id").GetString()!;
                lostToken = first.Headers.GetValues("Author-Token").Single();

                // The loss: the comment and the sequence step that made its id are gone.
                await using var direct = await ConnectionMultiplexer.ConnectAsync(redis ?? $"127.0.0.1:{env["Storage__EmbeddedPort"]}");
                var db = direct.GetDatabase();
                Assert.True(await db.KeyDeleteAsync($"c:{{{site}}}:comment:{lostId}"));
                await db.StringSetAsync($"c:{{{site}}}:seq", long.Parse(lostId) - 1);
                await crashed.KillAsync();
            }

            await using var service = await ServiceProcess.StartAsync(env);
            using var client = service.CreateClient();

            using var next = await client.PostAsync(site, thread, TestApi.Reply("someone else's comment, written after the loss", "Bea Other", "bea@example.com"));
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
            var nextId = (await next.JsonAsync()).GetProperty("id").GetString()!;
            var nextToken = next.Headers.GetValues("Author-Token").Single();
            Assert.NotEqual(lostId, nextId);

            foreach (var id in new[] { lostId, nextId })
            {
                using var status = await client.PostAsJsonAsync($"/api/sites/{site}/comments/{id}/status", new { token = lostToken }, Ct);
                await status.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", "token");
                using var edit = await client.PostAsJsonAsync($"/api/sites/{site}/comments/{id}/edit", new { token = lostToken, text = "taken over" }, Ct);
                await edit.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", "token");
            }
            using var own = await client.PostAsJsonAsync($"/api/sites/{site}/comments/{nextId}/status", new { token = nextToken }, Ct);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
