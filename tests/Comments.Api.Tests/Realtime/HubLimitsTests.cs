using System.Net;
using System.Net.WebSockets;
using Comments.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Tests.Realtime;

/// <summary>Connection hygiene: the per-connection thread cap and the per-address connection cap.</summary>
public sealed class HubLimitsTests(LimitedService fixture) : IClassFixture<LimitedService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_follows_at_most_the_capped_number_of_threads_and_may_follow_another_after_leaving_one()
    {
        await using var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: "192.0.2.10");
        var threads = Enumerable.Range(0, LimitedService.MaxThreads).Select(_ => TestSites.NewThread()).ToList();
        foreach (var thread in threads) await reader.JoinAsync(TestSites.Open, thread);
        await reader.JoinAsync(TestSites.Open, threads[0]); // joining again is not a new thread

        var refused = await Assert.ThrowsAsync<HubException>(() => reader.JoinAsync(TestSites.Open, TestSites.NewThread()));
        Assert.Contains($"realtime.too_many_threads: A connection follows at most {LimitedService.MaxThreads} threads", refused.Message);

        await reader.LeaveAsync(TestSites.Open, threads[0]);
        var next = TestSites.NewThread();
        await reader.JoinAsync(TestSites.Open, next);
        using var client = fixture.Service.CreateClient();
        await client.PublishAsync(TestSites.Open, threads[0], TestApi.Reply("To the thread it left"));
        var marker = await client.PublishAsync(TestSites.Open, next, TestApi.Reply("To the thread it joined"));
        Assert.Equal(marker.GetProperty("id").GetString(), (await reader.NextAsync("commentPublished")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Connections_from_one_address_beyond_the_cap_are_refused_with_429_while_other_addresses_connect()
    {
        const string crowded = "192.0.2.20";
        await using var first = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: crowded);
        await using var second = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: crowded);

        Assert.Equal(HttpStatusCode.TooManyRequests, await UpgradeStatusAsync(crowded));
        await using var other = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: "192.0.2.21");
        await other.JoinAsync(TestSites.Open, TestSites.NewThread());

        // A closed connection frees its slot once the server has seen it go.
        await first.Connection.StopAsync(Ct);
        await AssertEventuallyAsync(async () => await UpgradeStatusAsync(crowded) == HttpStatusCode.SwitchingProtocols);
    }

    [Theory]
    [InlineData("/hubs/comments/", "192.0.2.31")]
    [InlineData("/hubs/comments?x=1", "192.0.2.32")]
    [InlineData("/hubs/comments/?id=abc", "192.0.2.33")]
    [InlineData("/HUBS/Comments", "192.0.2.34")]
    public async Task The_connection_cap_holds_for_every_spelling_of_the_hub_path(string path, string crowded)
    {
        await using var first = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: crowded);
        await using var second = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: crowded);

        Assert.Equal(HttpStatusCode.TooManyRequests, await UpgradeStatusAsync(crowded, path));
    }

    [Fact]
    public async Task Ipv6_addresses_in_one_slash_64_share_the_connection_cap_and_another_slash_64_does_not()
    {
        await using var first = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: "2001:db8:5:6::1");
        await using var second = await LiveReader.ConnectAsync(fixture.Service.BaseAddress, forwardedFor: "2001:db8:5:6:ffff::2");

        Assert.Equal(HttpStatusCode.TooManyRequests, await UpgradeStatusAsync("2001:db8:5:6:1234:5678:9abc:def0"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeStatusAsync("2001:db8:5:7::1"));
    }

    [Fact]
    public async Task Negotiation_is_rate_limited_per_address_with_a_problem_and_retry_after()
    {
        const string busy = "192.0.2.200";
        using var client = fixture.Service.CreateClient();
        for (var i = 0; i < LimitedService.NegotiatesPerMinute; i++)
        {
            using var ok = await NegotiateAsync(client, busy);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await NegotiateAsync(client, busy);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        Assert.NotNull(refused.Headers.RetryAfter);
        using var other = await NegotiateAsync(client, "192.0.2.201");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/comments/negotiate?negotiateVersion=1");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request, Ct);
    }

    /// <summary>The HTTP status of a raw WebSocket upgrade to the hub from the given address.</summary>
    private async Task<HttpStatusCode> UpgradeStatusAsync(string forwardedFor, string path = "/hubs/comments")
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{fixture.Service.Port}{path}"), Ct);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        }
        catch (WebSocketException)
        {
        }
        return socket.HttpStatusCode;
    }

    /// <summary>Re-checks a condition that depends on the server noticing a close, for at most ten seconds.</summary>
    private static async Task AssertEventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(LiveReader.Patience);
        while (!await condition())
        {
            Assert.False(deadline.IsCancellationRequested, "the condition did not hold within the patience window");
            await Task.Yield();
        }
    }
}
