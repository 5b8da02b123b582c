using Comments.Core.Outbox;

namespace Comments.Storage.Tests;

/// <summary><see cref="RedisOutbox"/> on each store: one claimer per item, leases that run out, retries, dead letters, sent ids.</summary>
public abstract class OutboxTests(StoreFixture store)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch.AddYears(56);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static OutboxItem Item(string site, string id) => new(id, "test", site, new Dictionary<string, string> { ["comment"] = id });

    [Fact]
    public async Task Of_many_nodes_claiming_at_once_exactly_one_gets_each_due_item_and_none_gets_an_item_not_yet_due()
    {
        var site = StoreFixture.NewSite("outbox");
        var outbox = new RedisOutbox(store.Connection);
        for (var i = 0; i < 20; i++) await outbox.EnqueueAsync(Item(site, $"i{i}"), T0, Ct);
        await outbox.EnqueueAsync(Item(site, "later"), T0.AddMinutes(5), Ct);

        // Eight "nodes" (each its own RedisOutbox over the same store) claim the same due items at the same moment.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new RedisOutbox(store.Connection).ClaimDueAsync(site, T0, Lease, 50, Ct)));

        var claimed = claims.SelectMany(c => c).Select(c => c.Item.Id).ToList();
        Assert.Equal(20, claimed.Count);
        Assert.Equal(20, claimed.Distinct().Count());
        Assert.DoesNotContain("later", claimed);
        Assert.Empty(await outbox.ClaimDueAsync(site, T0.AddSeconds(1), Lease, 50, Ct));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_and_the_first_claimer_can_no_longer_complete_it()
    {
        var site = StoreFixture.NewSite("outbox");
        var outbox = new RedisOutbox(store.Connection);
        await outbox.EnqueueAsync(Item(site, "a"), T0, Ct);

        var crashed = Assert.Single(await outbox.ClaimDueAsync(site, T0, Lease, 10, Ct));
        Assert.Empty(await outbox.ClaimDueAsync(site, T0 + Lease - TimeSpan.FromSeconds(1), Lease, 10, Ct));
        var takeover = Assert.Single(await outbox.ClaimDueAsync(site, T0 + Lease, Lease, 10, Ct));

        Assert.Equal(2, takeover.Attempts);
        Assert.False(await outbox.CompleteAsync(crashed));
        Assert.False(await outbox.RetryAsync(crashed, T0));
        Assert.True(await outbox.CompleteAsync(takeover));
        Assert.Equal(0, await outbox.DepthAsync(site));
    }

    [Fact]
    public async Task A_retried_item_is_due_again_at_its_time_and_a_dead_letter_leaves_the_queue_for_the_list()
    {
        var site = StoreFixture.NewSite("outbox");
        var outbox = new RedisOutbox(store.Connection);
        await outbox.EnqueueAsync(Item(site, "a"), T0, Ct);

        var first = Assert.Single(await outbox.ClaimDueAsync(site, T0, Lease, 10, Ct));
        Assert.True(await outbox.RetryAsync(first, T0.AddSeconds(10)));
        Assert.Empty(await outbox.ClaimDueAsync(site, T0.AddSeconds(9), Lease, 10, Ct));
        var second = Assert.Single(await outbox.ClaimDueAsync(site, T0.AddSeconds(10), Lease, 10, Ct));
        Assert.Equal(2, second.Attempts);

        Assert.True(await outbox.DeadLetterAsync(second, "SmtpCommandException 550", T0.AddSeconds(11)));
        Assert.Equal(0, await outbox.DepthAsync(site));
        var dead = Assert.Single(await outbox.DeadLettersAsync(site, 10));
        Assert.Equal(("a", 2L, "SmtpCommandException 550"), (dead.Item.Id, dead.Attempts, dead.Error));
        Assert.Equal("a", dead.Item.Get("comment"));
    }

    [Fact]
    public async Task A_queued_item_is_not_reset_by_the_same_id_and_a_sent_message_id_is_remembered()
    {
        var site = StoreFixture.NewSite("outbox");
        var outbox = new RedisOutbox(store.Connection);
        await outbox.EnqueueAsync(Item(site, "a"), T0, Ct);
        await outbox.EnqueueAsync(Item(site, "a"), T0.AddHours(1), Ct);
        Assert.Single(await outbox.ClaimDueAsync(site, T0, Lease, 10, Ct));

        Assert.False(await outbox.WasSentAsync(site, "a.reply"));
        await outbox.MarkSentAsync(site, "a.reply", T0);
        Assert.True(await outbox.WasSentAsync(site, "a.reply"));
    }
}

public sealed class OutboxOnGarnet(GarnetStore store) : OutboxTests(store);

public sealed class OutboxOnRedis(RedisStore store) : OutboxTests(store);
