using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Moderation;

/// <summary>A Moderation section that could never work stops the service before it takes a request.</summary>
public sealed class ModerationStartupTests
{
    [Fact]
    public async Task A_malformed_key_hash_or_an_unknown_site_stops_the_service_at_start_up()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-startup-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                ["Moderation__Moderators__0__KeyHash"] = "not-a-digest",
                ["Moderation__Moderators__1__Sites__0"] = "no-such-site",
            };

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(environment));

            Assert.Contains("Moderation:Moderators:0:KeyHash must be 64 hex characters", failure.Message);
            Assert.Contains("Moderation:Moderators:1:Sites names an unknown site 'no-such-site'", failure.Message);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
