using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Health;

/// <summary>The public readiness answer says what is wrong without showing where the server keeps its files.</summary>
public sealed class ReadinessPathTests
{
    [Fact]
    public async Task Ready_names_a_missing_model_file_but_not_the_servers_folders()
    {
        var modelDir = Directory.CreateTempSubdirectory("comments-nomodels-").FullName;
        var dataDir = Directory.CreateTempSubdirectory("comments-ready-").FullName;
        try
        {
            var env = new Dictionary<string, string>(TestSites.Environment(dataDir, null, FreePort.Next()))
            {
                ["Scoring__ModelDirectory"] = modelDir,
            };
            await using var service = await ServiceProcess.StartAsync(env);
            using var client = service.CreateClient();
            using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Contains("Degraded", body);
            Assert.Contains("spam.zip", body);
            Assert.DoesNotContain(modelDir, body);
            Assert.DoesNotContain(dataDir, body);
            Assert.DoesNotContain("/tmp", body);
        }
        finally
        {
            Directory.Delete(modelDir, recursive: true);
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
