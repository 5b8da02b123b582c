using Comments.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Realtime;

/// <summary>A reader whose network drops misses nothing: it rejoins and asks for what came after its last cursor.</summary>
public sealed class ReconnectCatchUpTests(GarnetService fixture)
{
    [Fact]
    public async Task After_a_dropped_connection_the_reader_catches_up_with_exactly_the_three_missed_comments_in_order()
    {
        var thread = TestSites.NewThread();
        await using var relay = new TcpRelay(fixture.Service.Port);
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var reader = await LiveReader.ConnectAsync(relay.BaseAddress,
            configure: builder => builder.WithAutomaticReconnect(new EveryTenthOfASecond()));
        reader.Connection.Reconnecting += _ => { reconnecting.TrySetResult(); return Task.CompletedTask; };
        reader.Connection.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
        await reader.JoinAsync(TestSites.Open, thread);
        using var client = fixture.CreateClient();

        var first = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("Before the drop"));
        var firstLive = await reader.NextAsync("commentPublished");
        var seen = new List<string> { firstLive.GetProperty("id").GetString()! };
        var cursor = firstLive.GetProperty("cursor").GetString();

        relay.Sever();
        await reconnecting.Task.WaitAsync(LiveReader.Patience, TestContext.Current.CancellationToken);
        var missed = new List<string>();
        foreach (var text in new[] { "Missed one", "Missed two", "Missed three" })
            missed.Add((await client.PublishAsync(TestSites.Open, thread, TestApi.Reply(text))).GetProperty("id").GetString()!);
        relay.Restore();
        await reconnected.Task.WaitAsync(LiveReader.Patience, TestContext.Current.CancellationToken);

        // A reconnect is a new connection: follow the thread again, then ask for what was missed.
        await reader.JoinAsync(TestSites.Open, thread);
        var page = await client.GetJsonAsync($"{TestApi.CommentsPath(TestSites.Open, thread)}?after={cursor}");
        var caughtUp = page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        seen.AddRange(caughtUp);
        var after = await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("After the reconnect"));
        var last = await reader.NextAsync("commentPublished");
        seen.Add(last.GetProperty("id").GetString()!);

        Assert.Equal(missed, caughtUp);
        Assert.Equal([first.GetProperty("id").GetString()!, .. missed, after.GetProperty("id").GetString()!], seen);
        Assert.Equal(5, last.GetProperty("count").GetInt64());
        reader.AssertNoneContains("ann@example.com", "127.0.0.1");
    }

    /// <summary>Retries every 100 ms for half a minute, so the test waits on the reconnect event, not on a back-off.</summary>
    private sealed class EveryTenthOfASecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime < TimeSpan.FromSeconds(30) ? TimeSpan.FromMilliseconds(100) : null;
    }
}
