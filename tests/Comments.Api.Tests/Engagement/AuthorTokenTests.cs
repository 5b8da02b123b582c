using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Engagement;

/// <summary>
/// The author's token is bound to its site and comment, survives a restart of the service, and
/// opens a real, short edit window that really closes.
/// </summary>
public abstract class AuthorTokenTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<HttpResponseMessage> OwnAsync(HttpClient client, string site, string id, string what, object body) =>
        client.PostAsJsonAsync($"/api/sites/{site}/comments/{id}/{what}", body, Ct);

    internal static async Task<(string Id, string Token, JsonElement Comment)> PublishWithTokenAsync(HttpClient client, string site, string text)
    {
        using var response = await client.PostAsync(site, TestSites.NewThread("tok"), TestApi.Reply(text));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {json}");
        return (json.GetProperty("id").GetString()!, response.Headers.GetValues("Author-Token").Single(), json);
    }

    [Fact]
    public async Task A_token_from_one_site_never_works_on_another_site()
    {
        using var client = fixture.CreateClient();
        var (id, token, _) = await PublishWithTokenAsync(client, TestSites.Open, "Posted on the open site.");

        // The same comment id and token presented to another site: refused on the token (403),
        // before the other site is even asked whether it has that comment (a 404 would mean the
        // token had been accepted there).
        foreach (var other in new[] { TestSites.Anonymous, TestSites.Premoderated })
        {
            using var edit = await OwnAsync(client, other, id, "edit", new { token, text = "From another site." });
            await edit.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", field: "token");
            using var delete = await OwnAsync(client, other, id, "delete", new { token });
            await delete.AssertProblemAsync(HttpStatusCode.Forbidden, "author.bad_token", field: "token");
        }

        var read = await client.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}");
        Assert.Equal("<p>Posted on the open site.</p>", read.GetProperty("html").GetString());
        using var own = await OwnAsync(client, TestSites.Open, id, "edit", new { token, text = "Still mine here." });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}

public sealed class AuthorTokenOnGarnet(GarnetService fixture) : AuthorTokenTests(fixture);

public sealed class AuthorTokenOnRedis(RedisService fixture) : AuthorTokenTests(fixture);

/// <summary>Tokens across a restart and a real edit window, on a service of its own (it is restarted).</summary>
public sealed class AuthorTokenRestartTests
{
    private const string Windowed = "t-window";
    /// <summary>6 seconds: long enough to edit right after posting on a busy machine, short enough to wait out.</summary>
    private const double WindowMinutes = 0.1;

    [Fact]
    public Task On_embedded_garnet_tokens_survive_a_restart_and_the_edit_window_closes() => RestartAndWindow(redis: null);

    [Fact]
    public Task On_redis_tokens_survive_a_restart_and_the_edit_window_closes()
    {
        StoreBackend.SkipUnlessRedis();
        return RestartAndWindow(StoreBackend.Redis!.RedisAddress);
    }

    private static async Task RestartAndWindow(string? redis)
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-tokens-").FullName;
        try
        {
            var port = FreePort.Next();
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, redis, FreePort.Next()))
            {
                [$"Sites__{Windowed}__FloodIntervalSeconds"] = "0",
                [$"Sites__{Windowed}__AuthorEditWindowMinutes"] = WindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"Sites__{Windowed}__Thresholds__Spam"] = "1.01",
                [$"Sites__{Windowed}__Thresholds__SpamHold"] = "1.01",
                [$"Sites__{Windowed}__Thresholds__Toxicity"] = "1.01",
                [$"Sites__{Windowed}__Thresholds__ToxicityHold"] = "1.01",
            };
            string id, token, windowedId, windowedToken;
            DateTimeOffset windowedAt;
            await using (var first = await ServiceProcess.StartAsync(env, port))
            {
                using var client = first.CreateClient();
                (id, token, _) = await AuthorTokenTests.PublishWithTokenAsync(client, TestSites.Open, "Before the restart.");
                JsonElement windowed;
                (windowedId, windowedToken, windowed) = await AuthorTokenTests.PublishWithTokenAsync(client, Windowed, "Short window.");
                windowedAt = windowed.GetProperty("createdAt").GetDateTimeOffset();

                using var inside = await AuthorTokenTests.OwnAsync(client, Windowed, windowedId, "edit", new { token = windowedToken, text = "Edited inside the window." });
                Assert.True(inside.StatusCode == HttpStatusCode.OK, $"inside the window: {(int)inside.StatusCode} {await inside.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                await first.KillAsync();
            }

            await using var second = await ServiceProcess.StartAsync(env, port);
            using var again = second.CreateClient();
            using var afterRestart = await AuthorTokenTests.OwnAsync(again, TestSites.Open, id, "edit", new { token, text = "After the restart." });
            Assert.True(afterRestart.StatusCode == HttpStatusCode.OK,
                $"the token from before the restart: {(int)afterRestart.StatusCode} {await afterRestart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            Assert.Equal("<p>After the restart.</p>", (await again.GetJsonAsync($"/api/sites/{TestSites.Open}/comments/{id}")).GetProperty("html").GetString());

            // The window is a wall-clock fact: wait until the server's own createdAt + window has passed.
            var closesAt = windowedAt + TimeSpan.FromMinutes(WindowMinutes) + TimeSpan.FromMilliseconds(500);
            if (closesAt > DateTimeOffset.UtcNow) await Task.Delay(closesAt - DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
            using var lateEdit = await AuthorTokenTests.OwnAsync(again, Windowed, windowedId, "edit", new { token = windowedToken, text = "Too late." });
            await lateEdit.AssertProblemAsync(HttpStatusCode.Conflict, "author.window_closed");
            using var lateDelete = await AuthorTokenTests.OwnAsync(again, Windowed, windowedId, "delete", new { token = windowedToken });
            await lateDelete.AssertProblemAsync(HttpStatusCode.Conflict, "author.window_closed");
            Assert.Equal("<p>Edited inside the window.</p>", (await again.GetJsonAsync($"/api/sites/{Windowed}/comments/{windowedId}")).GetProperty("html").GetString());
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
