using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Limits;

/// <summary>
/// <c>ForwardedHeaders:KnownNetworks</c>: a balancer whose address is only known by its network (a
/// container network, <c>--scale api=3</c>) is trusted by CIDR range, so the reader behind it is the
/// one its <c>X-Forwarded-For</c> names; a value that is not a range stops the service at start.
/// </summary>
public sealed class TrustedNetworkTests
{
    [Fact]
    public async Task A_request_through_a_proxy_in_a_known_network_is_attributed_to_the_forwarded_address()
    {
        if (RateLimitedService.ExternalAddress is not { } external)
        {
            CiSkip.Now("This host has no non-loopback IPv4 address to connect from as a proxy in a known network.");
            return;
        }
        var bytes = external.GetAddressBytes();
        bytes[3] = 0;
        var network = $"{new IPAddress(bytes)}/24";
        var dataDir = Directory.CreateTempSubdirectory("comments-networks-").FullName;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, redis: null, embeddedPort: FreePort.Next()))
        {
            ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{port}",
            ["RateLimits__PostsPerMinute"] = "1",
            ["ForwardedHeaders__KnownNetworks__0"] = network,
        };
        try
        {
            await using var service = await ServiceProcess.StartAsync(environment, port);
            using var proxy = new HttpClient { BaseAddress = new Uri($"http://{external}:{port}"), Timeout = TimeSpan.FromSeconds(30) };

            using var first = await proxy.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("from reader A"), forwardedFor: "10.1.2.3");
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            // The limit counts in windows of a clock minute: two POSTs can fall either side of a turn (seen in CI), three cannot all pass.
            using var again = await proxy.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("reader A again"), forwardedFor: "10.1.2.3");
            using var third = again.StatusCode == HttpStatusCode.Created
                ? await proxy.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("reader A a third time"), forwardedFor: "10.1.2.3")
                : null;
            await (third ?? again).AssertProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
            // The same proxy, another reader: their own allowance, so the limit is on the forwarded address.
            using var other = await proxy.PostAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("from reader B"), forwardedFor: "10.4.5.6");
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }
        finally { Directory.Delete(dataDir, recursive: true); }
    }

    [Fact]
    public async Task A_known_network_that_is_not_a_CIDR_range_stops_the_service_at_start_naming_the_setting()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-networks-").FullName;
        var environment = new Dictionary<string, string>(TestSites.Environment(dataDir, redis: null, embeddedPort: FreePort.Next()))
        {
            ["ForwardedHeaders__KnownNetworks__0"] = "10.0.0.0/33",
        };
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await using var started = await ServiceProcess.StartAsync(environment);
            });
            Assert.Contains("ForwardedHeaders:KnownNetworks:0 is '10.0.0.0/33', which is not a CIDR range", refused.Message);
        }
        finally { Directory.Delete(dataDir, recursive: true); }
    }
}
