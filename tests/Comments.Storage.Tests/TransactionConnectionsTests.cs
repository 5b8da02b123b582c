using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace Comments.Storage.Tests;

/// <summary><see cref="TransactionConnections"/> on each store: transactions go out on the pool's connections, in turn.</summary>
public abstract class TransactionConnectionsTests(StoreFixture store)
{
    /// <summary>
    /// A main connection of the test's own: a pool found through the assembly's shared connection would carry the
    /// other tests' transactions, and closing it would fail those in flight.
    /// </summary>
    private async Task<ConnectionMultiplexer> OwnMainAsync() =>
        await ConnectionMultiplexer.ConnectAsync(ConfigurationOptions.Parse(store.Connection.Configuration));

    [Fact]
    public async Task Transactions_of_a_connection_with_a_pool_go_out_on_the_pool_in_turn_and_their_writes_are_read_on_the_main_one()
    {
        await using var main = await OwnMainAsync();
        var key = (RedisKey)$"c:{{{StoreFixture.NewSite("txpool")}}}:marker";
        using (var pool = TransactionConnections.Open(main, ConfigurationOptions.Parse(main.Configuration), 2))
        {
            var first = main.NewTransaction();
            var second = main.NewTransaction();
            Assert.NotSame(main, first.Multiplexer);
            Assert.NotSame(main, second.Multiplexer);
            Assert.NotSame(first.Multiplexer, second.Multiplexer);
            Assert.Same(main, TransactionConnections.MainOf(first.Multiplexer));

            first.AddCondition(Condition.KeyNotExists(key));
            _ = first.StringSetAsync(key, "set by the pool");
            Assert.True(await first.ExecuteGatedAsync());
            Assert.Equal("set by the pool", (string?)await main.GetDatabase().StringGetAsync(key));
        }
        Assert.Same(main, main.NewTransaction().Multiplexer);
    }

    [Fact]
    public async Task Each_connection_of_the_pool_adds_a_thread_to_the_thread_pools_minimum()
    {
        await using var main = await OwnMainAsync();
        ThreadPool.GetMinThreads(out var before, out _);
        using var pool = TransactionConnections.Open(main, ConfigurationOptions.Parse(main.Configuration), 3);
        ThreadPool.GetMinThreads(out var after, out _);
        Assert.True(after >= before + 3, $"minimum {before} → {after}");
    }

    [Fact]
    public async Task With_no_connections_of_its_own_transactions_stay_on_the_main_connection()
    {
        await using var main = await OwnMainAsync();
        using var pool = TransactionConnections.Open(main, ConfigurationOptions.Parse(main.Configuration), 0);
        Assert.Same(main, main.NewTransaction().Multiplexer);
    }
}

public sealed class TransactionConnectionsOnGarnet(GarnetStore store) : TransactionConnectionsTests(store);

public sealed class TransactionConnectionsOnRedis(RedisStore store) : TransactionConnectionsTests(store);

public sealed class TransactionSourceTests
{
    /// <summary>A transaction created anywhere else would hold the shared connection for its round trip again.</summary>
    [Fact]
    public void Only_the_pool_creates_transactions()
    {
        var creating = RepoPaths.SourceFiles()
            .Where(f => Path.GetFileName(f.Path) != "TransactionConnections.cs" && Regex.IsMatch(f.Text, @"\.CreateTransaction\("))
            .Select(f => f.Path);
        Assert.Empty(creating);
    }
}
