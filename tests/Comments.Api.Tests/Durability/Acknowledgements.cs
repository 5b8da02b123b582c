using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>One comment the service acknowledged (201 or 202), with what proves it is that comment.</summary>
public sealed record Acknowledged(string Site, string Id, string Text, string Token, bool Published);

/// <summary>
/// Writers that post unique comments to a published and a held site and keep every acknowledgement;
/// and the check that every acknowledged comment is still there, as itself.
/// </summary>
public sealed class Acknowledgements
{
    public const string Thread = "durable";
    private readonly ConcurrentQueue<Acknowledged> _all = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waits = [];

    private int _refusedAsDuplicate;

    public int Count => _all.Count;

    /// <summary>Unique texts answered 409 duplicate while the store was being killed (see <see cref="WriteAsync"/>).</summary>
    public int RefusedAsDuplicate => _refusedAsDuplicate;
    public IReadOnlyCollection<Acknowledged> All => _all;

    /// <summary>Completes once <paramref name="more"/> acknowledgements have come in after this call.</summary>
    public Task WaitForMoreAsync(int more, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waits) _waits.Add((_all.Count + more, reached));
        return reached.Task.WaitAsync(timeout);
    }

    /// <summary>
    /// Posts until <paramref name="stop"/> or, when <paramref name="untilUnreachable"/>, until the service is gone
    /// (whatever was in flight then was never acknowledged). Any other answer than 201/202/503 fails the test.
    /// </summary>
    public async Task WriteAsync(Uri service, string label, bool untilUnreachable, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var site = i % 4 == 0 ? TestSites.Premoderated : TestSites.Open;
            var text = $"{label} comment {i} {Guid.NewGuid():N}";
            HttpResponseMessage response;
            try
            {
                response = await client.PostAsJsonAsync(TestApi.CommentsPath(site, Thread), TestApi.Reply(text), stop);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (untilUnreachable || stop.IsCancellationRequested) return;
                continue; // the store is down: the service answers 503 or the request times out; try again
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) continue;
                var json = await response.JsonAsync();
                // Seen once with redis-server SIGKILLed: a unique text answered 409 duplicate (most likely the
                // store connection sent the same transaction again after reconnecting, and its first run had
                // landed). Not an acknowledgement, so not counted; recorded in docs/reliability.md as open.
                if (!untilUnreachable && response.StatusCode == HttpStatusCode.Conflict
                    && json.GetProperty("code").GetString() == "comment.duplicate")
                {
                    Interlocked.Increment(ref _refusedAsDuplicate);
                    continue;
                }
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"POST answered {(int)response.StatusCode}: {json}");
                var published = response.StatusCode == HttpStatusCode.Created;
                var token = published ? response.Headers.GetValues("Author-Token").Single() : json.GetProperty("token").GetString()!;
                _all.Enqueue(new Acknowledged(site, json.GetProperty("id").GetString()!, text, token, published));
            }
            lock (_waits)
            {
                foreach (var wait in _waits.Where(w => _all.Count >= w.Target).ToList())
                {
                    wait.Reached.TrySetResult();
                    _waits.Remove(wait);
                }
            }
        }
    }

    /// <summary>
    /// Every acknowledged comment, checked as a reader and as its author would: a published one is
    /// public with its own text, and its author's token still opens it; a held one answers its
    /// author's status as pending. Returns the ones that are missing or are not themselves any more.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindLostAsync(Uri service)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        using var moderator = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        moderator.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestModerators.AdminKey);
        var lost = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(_all, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ack, ct) =>
        {
            var problem = await CheckAsync(client, moderator, ack, ct);
            if (problem is not null) lost.Add($"{ack.Site}/{ack.Id} ({(ack.Published ? "201" : "202")}): {problem}");
        });
        // In the order they were acknowledged (ids grow), so a failure shows which stretch of writes went.
        return lost.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }

    private static async Task<string?> CheckAsync(HttpClient client, HttpClient moderator, Acknowledged ack, CancellationToken ct)
    {
        using var status = await client.PostAsJsonAsync($"/api/sites/{ack.Site}/comments/{ack.Id}/status", new { token = ack.Token }, ct);
        var own = await status.JsonAsync();
        if (status.StatusCode != HttpStatusCode.OK)
        {
            // The author's answer is the same for "no such comment" and "not yours": a moderator's read tells them apart.
            using var stored = await moderator.GetAsync($"/api/moderation/sites/{ack.Site}/comments/{ack.Id}", ct);
            if (stored.StatusCode == HttpStatusCode.NotFound) return "missing from the store";
            var item = await stored.JsonAsync();
            return stored.IsSuccessStatusCode
                ? $"stored, but its author's token is refused ({own}); the stored text: {item.GetProperty("text")}"
                : $"author status answered {(int)status.StatusCode}, a moderator's read {(int)stored.StatusCode}: {item}";
        }
        var expected = ack.Published ? "published" : "pending";
        if (own.GetProperty("status").GetString() != expected) return $"author status is {own.GetProperty("status")}, expected {expected}";
        if (!ack.Published) return null;

        using var read = await client.GetAsync($"/api/sites/{ack.Site}/comments/{ack.Id}", ct);
        var comment = await read.JsonAsync();
        if (read.StatusCode != HttpStatusCode.OK) return $"public read answered {(int)read.StatusCode}";
        return comment.GetProperty("html").GetString()!.Contains(ack.Text, StringComparison.Ordinal)
            ? null
            : $"public read shows another comment: {comment.GetProperty("html")}";
    }
}
