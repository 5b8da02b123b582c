using System.Collections.Concurrent;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Realtime;

namespace Comments.Api.Tests.Events;

/// <summary>
/// A service whose event queues are short, so an event path that does not keep up with ingest
/// drops events within a burst of a few hundred POSTs instead of a few hundred thousand.
/// </summary>
public abstract class ShortQueueService(StoreBackend? backend) : ServiceFixture(backend, new Dictionary<string, string>
{
    ["Events__QueueCapacity"] = ShortQueueService.QueueCapacity.ToString(),
})
{
    public const int QueueCapacity = 64;
}

public sealed class ShortQueueGarnet() : ShortQueueService(StoreBackend.Garnet);

public sealed class ShortQueueRedis() : ShortQueueService(StoreBackend.Redis);

/// <summary>Live delivery under load: every published comment reaches the readers of its thread.</summary>
public abstract class EventBurstTests(ServiceFixture fixture)
{
    private const int Threads = 24;
    private const int CommentsPerThread = 25;
    private const int Posters = 32;
    private static readonly TimeSpan Overall = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_posts_across_threads_at_full_speed_reaches_every_live_reader_of_each_thread()
    {
        var threads = Enumerable.Range(0, Threads).Select(_ => TestSites.NewThread("burst")).ToArray();
        var readers = new List<LiveReader>();
        try
        {
            foreach (var thread in threads)
            {
                var reader = await LiveReader.ConnectAsync(fixture.Service.BaseAddress);
                readers.Add(reader);
                await reader.JoinAsync(TestSites.Open, thread);
            }

            var published = new ConcurrentDictionary<string, ConcurrentBag<string>>();
            var work = new ConcurrentQueue<(string Thread, int N)>(
                Enumerable.Range(0, CommentsPerThread).SelectMany(n => threads.Select(t => (t, n))));
            using var client = fixture.CreateClient();
            await Task.WhenAll(Enumerable.Range(0, Posters).Select(_ => Task.Run(async () =>
            {
                while (work.TryDequeue(out var item))
                {
                    var comment = await client.PublishAsync(TestSites.Open, item.Thread, TestApi.Reply($"Burst comment {item.N} on {item.Thread}"));
                    published.GetOrAdd(item.Thread, _ => []).Add(comment.GetProperty("id").GetString()!);
                }
            }, Ct)));

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            deadline.CancelAfter(Overall);
            var missing = await Task.WhenAll(threads.Select((thread, i) => MissingAsync(readers[i], published[thread].ToHashSet(), deadline.Token)));
            var health = await client.GetJsonAsync("/health/ready");
            Assert.True(missing.Sum() == 0,
                $"{missing.Sum()} of {Threads * CommentsPerThread} published comments never reached their live reader; events: {health.GetProperty("checks").GetProperty("events")}");
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("events").GetProperty("status").GetString());
        }
        finally
        {
            foreach (var reader in readers) await reader.DisposeAsync();
        }
    }

    /// <summary>Reads the reader's messages until every expected id came as <c>commentPublished</c>; how many never came.</summary>
    private static async Task<int> MissingAsync(LiveReader reader, HashSet<string> expected, CancellationToken deadline)
    {
        try
        {
            while (expected.Count > 0)
            {
                var message = await reader.NextAsync(deadline);
                if (message.Method == "commentPublished") expected.Remove(message.Id!);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
        }
        return expected.Count;
    }
}

public sealed class EventBurstOnGarnet(ShortQueueGarnet fixture) : EventBurstTests(fixture), IClassFixture<ShortQueueGarnet>;

public sealed class EventBurstOnRedis(ShortQueueRedis fixture) : EventBurstTests(fixture), IClassFixture<ShortQueueRedis>;
