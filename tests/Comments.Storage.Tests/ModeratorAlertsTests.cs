using Comments.Core.Outbox;

namespace Comments.Storage.Tests;

/// <summary><see cref="RedisModeratorAlerts"/> on each store: each entry in exactly one batch, a sealed batch fixed for its retries.</summary>
public abstract class ModeratorAlertsTests(StoreFixture store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddYears(56);
    private const string Moderator = "0123456789abcdef0123456789abcdef";

    private static OutboxItem Mail(string site, string batch) =>
        new($"alert-mail:{batch}", "mail.alert", site, new Dictionary<string, string> { ["batch"] = batch });

    [Fact]
    public async Task Entries_added_while_batches_are_sealed_each_land_in_exactly_one_batch()
    {
        var site = StoreFixture.NewSite("alerts");
        var alerts = new RedisModeratorAlerts(store.Connection);
        var outbox = new RedisOutbox(store.Connection);
        var entries = Enumerable.Range(0, 100).Select(i => $"held:c{i}").ToList();
        var sealedEntries = new System.Collections.Concurrent.ConcurrentBag<string>();
        var adding = Task.WhenAll(entries.Select(e => Task.Run(() => alerts.AddAsync(site, Moderator, e, T0, _ => T0, b => Mail(site, b), Ct), Ct)));

        // A "worker" seals each batch whose mail is queued, while the entries keep coming.
        async Task SealDueAsync()
        {
            foreach (var claimed in await outbox.ClaimDueAsync(site, T0, TimeSpan.FromMinutes(1), 100, Ct))
            {
                foreach (var e in await alerts.SealAsync(site, Moderator, claimed.Item.Get("batch")!, T0, Ct)) sealedEntries.Add(e);
                await outbox.CompleteAsync(claimed);
            }
        }
        while (!adding.IsCompleted) await SealDueAsync();
        await adding;
        await SealDueAsync();

        Assert.Equal(entries.Order(), sealedEntries.Order());
    }

    [Fact]
    public async Task A_sealed_batch_reads_the_same_on_a_retry_later_entries_open_the_next_batch_and_a_forgotten_one_reads_empty()
    {
        var site = StoreFixture.NewSite("alerts");
        var alerts = new RedisModeratorAlerts(store.Connection);
        var outbox = new RedisOutbox(store.Connection);
        var lastSeen = new List<DateTimeOffset?>();
        DateTimeOffset Due(DateTimeOffset? last) { lastSeen.Add(last); return T0; }

        await alerts.AddAsync(site, Moderator, "held:a", T0, Due, b => Mail(site, b), Ct);
        await alerts.AddAsync(site, Moderator, "reported:b", T0, Due, b => Mail(site, b), Ct);
        var first = Assert.Single(await outbox.ClaimDueAsync(site, T0, TimeSpan.FromMinutes(1), 10, Ct)).Item.Get("batch")!;
        Assert.Equal(["held:a", "reported:b"], (await alerts.SealAsync(site, Moderator, first, T0.AddSeconds(5), Ct)).Order());

        await alerts.AddAsync(site, Moderator, "held:c", T0.AddSeconds(6), Due, b => Mail(site, b), Ct);
        // The retry of the first batch's mail (say the node died after sealing) sees the same two entries.
        Assert.Equal(["held:a", "reported:b"], (await alerts.SealAsync(site, Moderator, first, T0.AddSeconds(7), Ct)).Order());
        await alerts.ForgetAsync(site, first, Ct);
        Assert.Empty(await alerts.SealAsync(site, Moderator, first, T0.AddSeconds(8), Ct));

        var second = Assert.Single(await outbox.ClaimDueAsync(site, T0, TimeSpan.FromMinutes(1), 10, Ct)).Item.Get("batch")!;
        Assert.NotEqual(first, second);
        Assert.Equal(["held:c"], await alerts.SealAsync(site, Moderator, second, T0.AddSeconds(9), Ct));
        // Only opening a batch asks when it is due: first with no earlier batch, then with the first one's seal time.
        Assert.Equal([null, T0.AddSeconds(5)], lastSeen);
    }
}

public sealed class ModeratorAlertsOnGarnet(GarnetStore store) : ModeratorAlertsTests(store);

public sealed class ModeratorAlertsOnRedis(RedisStore store) : ModeratorAlertsTests(store);
