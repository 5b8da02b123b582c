using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Health;

/// <summary>A service that asks for more free disk than any test machine has: its disk reads as nearly full.</summary>
public sealed class NearlyFullDiskService() : ServiceFixture(StoreBackend.Garnet, new Dictionary<string, string>
{
    ["Storage__MinFreeDiskMegabytes"] = (1L << 40).ToString(),
});

public sealed class DiskSpaceHealthTests(NearlyFullDiskService fixture) : IClassFixture<NearlyFullDiskService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_data_folder_low_on_disk_reads_degraded_with_the_reason_and_no_path_while_the_service_still_serves()
    {
        using var client = fixture.CreateClient();
        using var response = await client.GetAsync("/health/ready", Ct);
        var ready = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        var disk = ready.GetProperty("checks").GetProperty("disk");
        Assert.Equal("Degraded", disk.GetProperty("status").GetString());
        Assert.Contains("MB free", disk.GetProperty("description").GetString());
        Assert.DoesNotContain("/", disk.GetProperty("description").GetString());
        await client.PublishAsync(TestSites.Open, TestSites.NewThread("disk"), TestApi.Reply("Still taking comments"));
    }
}
