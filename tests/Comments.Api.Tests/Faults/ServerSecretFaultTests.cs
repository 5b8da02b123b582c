using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Faults;

/// <summary>
/// The author-token key is read from the store. A store that fails at that first read must refuse
/// the comment before storing it (503, retry), and must not poison later writes once it answers again.
/// </summary>
public abstract class ServerSecretFaultTests(StoreBackend? backend)
{
    private const string SecretKey = "c:server-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_secret_that_cannot_be_read_at_first_use_refuses_without_storing_and_heals_when_the_store_does()
    {
        if (backend is null) StoreBackend.SkipUnlessRedis();
        await using var store = await TestStore.StartAsync(backend!);
        var db = store.Connection.GetDatabase(store.Database);
        // The fault: the stored key cannot be read as a key (as a half-written or foreign value would).
        await db.KeyDeleteAsync(SecretKey);
        await db.StringSetAsync(SecretKey, "not a key!");

        var dataDir = Directory.CreateTempSubdirectory("comments-secret-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, store.ConnectionString, 0));
            await using var service = await ServiceProcess.StartAsync(environment);
            using var client = service.CreateClient();

            var refusedThread = TestSites.NewThread("secret");
            using var refused = await client.PostAsync(TestSites.Open, refusedThread, TestApi.Reply("While the key is unreadable"));
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "server.store_unavailable");
            Assert.True(refused.Headers.RetryAfter is not null, "a 503 tells the client when to retry");
            Assert.Empty(await store.KeysAsync($"c:{{{TestSites.Open}}}:thread:{refusedThread}*"));

            await db.KeyDeleteAsync(SecretKey); // the store answers properly again
            var thread = TestSites.NewThread("secret");
            using var posted = await client.PostAsync(TestSites.Open, thread, TestApi.Reply("Once the store answers again"));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            var id = (await posted.JsonAsync()).GetProperty("id").GetString();
            var token = posted.Headers.GetValues("Author-Token").Single();

            using var status = await client.PostAsJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}/status", new { token }, Ct);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Equal("published", (await status.JsonAsync()).GetProperty("status").GetString());
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}

public sealed class ServerSecretFaultOnGarnet() : ServerSecretFaultTests(StoreBackend.Garnet);

public sealed class ServerSecretFaultOnRedis() : ServerSecretFaultTests(StoreBackend.Redis);
