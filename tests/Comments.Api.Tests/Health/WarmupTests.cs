using System.Net;
using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Health;

/// <summary>
/// Ready means the POST path is warm: a dry run of the submission pipeline and one real POST over
/// loopback (an empty text, refused with 400) run before the warmup check lets readiness turn
/// green; neither stores anything.
/// </summary>
public sealed class WarmupTests
{
    [Fact]
    public async Task Readiness_turns_green_only_after_a_pipeline_dry_run_and_a_first_post_that_stored_nothing()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-warmup-").FullName;
        try
        {
            var storePort = FreePort.Next();
            await using var service = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, null, storePort));
            using var client = service.CreateClient();
            using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            var ready = await response.JsonAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var warmup = ready.GetProperty("checks").GetProperty("warmup");
            Assert.Equal("Healthy", warmup.GetProperty("status").GetString());
            Assert.Contains("pipeline dry run", warmup.GetProperty("description").GetString());
            Assert.Contains("first POST", warmup.GetProperty("description").GetString());
            Assert.Contains("answered 400", warmup.GetProperty("description").GetString());

            // The warm-up wrote no comment, thread, sequence, digest or flood key.
            await using var store = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{storePort},allowAdmin=true");
            var keys = await KeyspaceSnapshot.TakeAsync(store, 0);
            Assert.DoesNotContain(keys.Entries.Keys, k => k.Contains("warm-up", StringComparison.Ordinal) || k.Contains(":seq", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
