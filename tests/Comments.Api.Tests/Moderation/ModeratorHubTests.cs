using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Comments.Api.Moderation;
using Comments.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Comments.Api.Tests.Moderation;

/// <summary>The live queue: a real SignalR connection with a moderator key, waiting on the messages themselves.</summary>
public abstract class ModeratorHubTests(ServiceFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_moderator_sees_a_held_comment_arrive_and_leave_the_pending_queue_when_approved()
    {
        await using var live = await LiveQueue.ConnectAsync(fixture, TestModerators.OpenKey);
        using var reader = fixture.CreateClient();
        using var moderator = fixture.CreateModeratorClient(TestModerators.OpenKey);
        var thread = TestSites.NewThread();

        var id = await reader.HoldAsync(TestSites.Premoderated, thread, TestApi.Reply("Live arrival"));
        var added = await live.WaitAsync("added", n => n.Id == id);
        var counts = await live.WaitCountsAsync(TestSites.Premoderated, c => c.GetProperty("pending").GetInt64() >= 1);

        await moderator.ActOkAsync(TestSites.Premoderated, id, "approve");
        var removed = await live.WaitAsync("removed", n => n.Id == id);
        var published = await live.WaitAsync("added", n => n.Id == id && n.Queue == "published");

        Assert.Equal(("pending", thread, "Ann Reader"), (added.Queue, added.ThreadId, added.AuthorName));
        Assert.Equal("pending", removed.Queue);
        Assert.Equal(TestSites.Premoderated, published.Site);
        Assert.True(counts.GetProperty("pending").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_comment_reported_by_reader_flags_arrives_live_in_the_reported_queue_with_its_counts()
    {
        await using var live = await LiveQueue.ConnectAsync(fixture, TestModerators.OpenKey);
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread();
        var id = (await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply("Flag me live"))).GetProperty("id").GetString()!;

        for (var i = 0; i < TestModerators.OpenFlagThreshold; i++)
        {
            using var flagged = await reader.FlagAsync(TestSites.Open, id, "abusive", $"192.0.2.{40 + i}");
            Assert.Equal(HttpStatusCode.Accepted, flagged.StatusCode);
        }
        var reported = await live.WaitAsync("added", n => n.Id == id && n.Queue == "reported");
        var counts = await live.WaitCountsAsync(TestSites.Open, c => c.GetProperty("reported").GetInt64() >= 1);

        Assert.Equal((TestSites.Open, thread, "Ann Reader"), (reported.Site, reported.ThreadId, reported.AuthorName));
        Assert.True(counts.GetProperty("reported").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_burst_of_new_comments_pushes_the_sites_counts_at_most_once_a_second_and_again_after_the_last()
    {
        await using var live = await LiveQueue.ConnectAsync(fixture, TestModerators.OpenKey);
        using var reader = fixture.CreateClient();
        var thread = TestSites.NewThread();

        var started = Stopwatch.GetTimestamp();
        long lastSent = 0;
        for (var i = 0; i < 40; i++)
        {
            lastSent = Stopwatch.GetTimestamp();
            await reader.PublishAsync(TestSites.Open, thread, TestApi.Reply($"Burst comment number {(char)('a' + i % 26)}{i / 26} for the counts"));
        }
        var answered = Stopwatch.GetTimestamp();
        // The counts are pushed again after the last comment's event (at most one interval later).
        await live.WaitCountsAsync(TestSites.Open, (_, arrived) => arrived > lastSent);

        // Every push between the first comment and the last answer; other classes post to this site
        // too, but the limit is per site, whoever posts.
        var pushes = live.CountsArrivals(TestSites.Open).Count(t => t >= started && t <= answered);
        var seconds = Stopwatch.GetElapsedTime(started, answered).TotalSeconds;
        var allowed = (int)Math.Ceiling(seconds / ModerationCountsBroadcaster.CountsInterval.TotalSeconds) + 2;
        Assert.True(pushes <= allowed, $"{pushes} pushes of the counts in {seconds:F1} s for 40 comments (at most {allowed})");
    }

    [Fact]
    public async Task Hub_messages_carry_no_email_ip_or_text()
    {
        await using var live = await LiveQueue.ConnectAsync(fixture, TestModerators.OpenKey);
        using var reader = fixture.CreateClient();
        var email = $"private-{Guid.NewGuid():N}@example.com";

        var id = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Secret body text 4711", "Pat", email), forwardedFor: "192.0.2.99");
        await live.WaitAsync("added", n => n.Id == id);

        var everything = string.Join('\n', live.RawMessages);
        Assert.DoesNotContain(email, everything);
        Assert.DoesNotContain("192.0.2.99", everything);
        Assert.DoesNotContain("Secret body text", everything);
    }

    [Fact]
    public async Task A_moderator_of_another_site_hears_nothing_of_this_site()
    {
        await using var other = await LiveQueue.ConnectAsync(fixture, TestModerators.AnonKey);
        await using var own = await LiveQueue.ConnectAsync(fixture, TestModerators.OpenKey);
        using var reader = fixture.CreateClient();

        var id = await reader.HoldAsync(TestSites.Premoderated, TestSites.NewThread(), TestApi.Reply("Only for my moderators"));
        await own.WaitAsync("added", n => n.Id == id);
        Assert.Equal([TestSites.Anonymous], other.Sites);
        // The other connection's group would have been sent the same message first; its absence after
        // ours arrived, plus a round trip on its own connection, shows it was not sent.
        await other.RoundTripAsync();

        Assert.DoesNotContain(other.Notices, n => n.Notice.Site == TestSites.Premoderated);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_valid_key()
    {
        var missing = await Assert.ThrowsAnyAsync<HttpRequestException>(() => LiveQueue.ConnectAsync(fixture, null));
        var wrong = await Assert.ThrowsAnyAsync<HttpRequestException>(() => LiveQueue.ConnectAsync(fixture, "mk_nope"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}

public sealed record Notice(string Site, string Id, string ThreadId, string Queue, string AuthorName);

/// <summary>A moderator's live connection that records what it is sent.</summary>
public sealed class LiveQueue : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Kind, Notice Notice)> _notices = new();
    private readonly ConcurrentQueue<(string Site, JsonElement Counts, long Arrived)> _counts = new();
    private readonly ConcurrentQueue<string> _raw = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private LiveQueue(HubConnection connection) => _connection = connection;

    public IEnumerable<(string Kind, Notice Notice)> Notices => _notices;
    public IEnumerable<string> RawMessages => _raw;
    public string[] Sites { get; private set; } = [];

    public static async Task<LiveQueue> ConnectAsync(ServiceFixture fixture, string? key)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Service.BaseAddress, "/hubs/moderation"), o =>
            {
                if (key is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(key);
            })
            .Build();
        var live = new LiveQueue(connection);
        foreach (var kind in new[] { "added", "updated", "removed" })
        {
            var method = "QueueItem" + char.ToUpperInvariant(kind[0]) + kind[1..];
            connection.On<JsonElement>(method, json => live.Record(kind, json));
        }
        connection.On<JsonElement>("QueueCounts", json =>
        {
            live._raw.Enqueue(json.GetRawText());
            live._counts.Enqueue((json.GetProperty("site").GetString()!, json.GetProperty("counts"), Stopwatch.GetTimestamp()));
            live._arrived.Release();
        });
        await connection.StartAsync(TestContext.Current.CancellationToken);
        // Answered only after the connection joined its sites' groups: nothing sent from now on is missed.
        live.Sites = await connection.InvokeAsync<string[]>("Listening", TestContext.Current.CancellationToken);
        return live;
    }

    private void Record(string kind, JsonElement json)
    {
        _raw.Enqueue(json.GetRawText());
        _notices.Enqueue((kind, json.Deserialize<Notice>(TestApi.Json)!));
        _arrived.Release();
    }

    public async Task<Notice> WaitAsync(string kind, Func<Notice, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _notices.FirstOrDefault(n => n.Kind == kind && match(n.Notice));
            if (found.Notice is not null) return found.Notice;
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public Task<JsonElement> WaitCountsAsync(string site, Func<JsonElement, bool> match) =>
        WaitCountsAsync(site, (counts, _) => match(counts));

    /// <summary>When each push of the site's counts arrived (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public IEnumerable<long> CountsArrivals(string site) => _counts.Where(c => c.Site == site).Select(c => c.Arrived);

    /// <param name="match">The counts and when they arrived (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public async Task<JsonElement> WaitCountsAsync(string site, Func<JsonElement, long, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            foreach (var (s, counts, arrived) in _counts)
            {
                if (s == site && match(counts, arrived)) return counts;
            }
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Sends a ping over the connection and waits for its answer: everything sent before is processed.</summary>
    public async Task RoundTripAsync()
    {
        // The hub has no methods: the server answers an unknown one with an error, after what it sent before.
        try { await _connection.InvokeAsync("Ping", TestContext.Current.CancellationToken); }
        catch (Microsoft.AspNetCore.SignalR.HubException) { }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

public sealed class ModeratorHubOnGarnet(GarnetService fixture) : ModeratorHubTests(fixture);

public sealed class ModeratorHubOnRedis(RedisService fixture) : ModeratorHubTests(fixture);
