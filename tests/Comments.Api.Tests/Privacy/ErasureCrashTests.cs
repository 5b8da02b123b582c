using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Moderation;
using StackExchange.Redis;

namespace Comments.Api.Tests.Privacy;

/// <summary>
/// <c>comments-admin personal-data erase</c> killed (SIGKILL) in the middle of an erasure: every
/// comment is either untouched or wholly anonymised (never a name without its email, an email
/// without its IP), the email's index finds exactly the untouched ones, and running the command
/// again finishes the job.
/// </summary>
public abstract class ErasureCrashTests(ServiceFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Comments = 1_000;

    [Fact]
    public async Task A_killed_erasure_leaves_each_comment_whole_or_erased_and_a_second_run_finishes_it()
    {
        var email = $"crash.{Guid.NewGuid():N}@example.org";
        var name = $"Kim Crash {Guid.NewGuid():N}"[..20];
        const string ip = "2001:db8:dead:beef::17";
        var thread = TestSites.NewThread("erase-crash");
        using var client = fixture.CreateClient();
        using var admin = fixture.CreateModeratorClient(TestModerators.AdminKey);

        var ids = new string[Comments];
        await Parallel.ForAsync(0, Comments, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, _) =>
        {
            using var response = await client.PostAsync(TestSites.Open, thread, TestApi.Reply($"crash comment {i}", name, email), forwardedFor: ip);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids[i] = (await response.JsonAsync()).GetProperty("id").GetString()!;
        });
        var keys = ids.Select(id => (RedisKey)$"c:{{{TestSites.Open}}}:comment:{id}").ToArray();

        // Start the erasure and kill it as soon as some, but not all, comments are anonymised.
        var start = new ProcessStartInfo("dotnet", [RepoPaths.BuiltDll("Comments.Admin", "comments-admin.dll"), "personal-data", "erase",
            "--redis", fixture.StoreAddress(), "--site", TestSites.Open, "--email", email])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using (var erase = Process.Start(start)!)
        {
            var erasedBeforeKill = 0;
            while (erasedBeforeKill == 0 && !erase.HasExited)
                erasedBeforeKill = (await fixture.Store.StringGetAsync(keys)).Count(v => v.ToString().Contains("\"Anonymous\"", StringComparison.Ordinal));
            erase.Kill();
            await erase.WaitForExitAsync(Ct);
            Assert.True(erasedBeforeKill is > 0 and < Comments, $"the erase was not caught in the middle ({erasedBeforeKill} of {Comments} erased when it was killed)");
        }

        var untouched = ids.Zip(await fixture.Store.StringGetAsync(keys)).Where(pair =>
        {
            var c = JsonDocument.Parse((string)pair.Second!).RootElement;
            var (authorName, authorEmail, storedIp) = (c.GetProperty("authorName").GetString(), c.GetProperty("authorEmail").GetString(), c.GetProperty("ip").GetString());
            var whole = authorName == name && authorEmail == email && storedIp == ip;
            var erased = authorName == "Anonymous" && authorEmail is null && storedIp == "unknown";
            Assert.True(whole ^ erased, $"comment {pair.First} is half-erased: {pair.Second}");
            return whole;
        }).Select(pair => pair.First).ToList();
        Assert.NotEmpty(untouched);

        // The email's index finds exactly the comments that are left.
        var export = await ExportAsync(admin, email);
        Assert.Equal(untouched.Order(StringComparer.Ordinal), export.Order(StringComparer.Ordinal));

        var again = await AdminCli.RunAsync("personal-data", "erase", "--redis", fixture.StoreAddress(), "--site", TestSites.Open, "--email", email);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"{untouched.Count} comments; text kept", again.Output, StringComparison.Ordinal);
        Assert.All(await fixture.Store.StringGetAsync(keys), v => Assert.Contains("\"authorName\":\"Anonymous\"", v.ToString(), StringComparison.Ordinal));
        Assert.Empty(await ExportAsync(admin, email));
    }

    private static async Task<List<string>> ExportAsync(HttpClient admin, string email)
    {
        using var response = await admin.PostAsJsonAsync($"{ModerationTestApi.SitePath(TestSites.Open)}/personal-data/export", new { email }, Ct);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.GetRawText());
        return json.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }
}

public sealed class ErasureCrashOnGarnet(GarnetService fixture) : ErasureCrashTests(fixture);

public sealed class ErasureCrashOnRedis(RedisService fixture) : ErasureCrashTests(fixture);
