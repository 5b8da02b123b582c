using Comments.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace Comments.Api.Tests.Comments;

/// <summary>
/// A POST's save, a transaction with conditions (WATCH … EXEC), goes out on a connection of the transaction pool, not on
/// the connection its look-ups and every other request's reads use: StackExchange.Redis holds a connection for the
/// round trip between WATCH and EXEC, and on a shared one every other command waited behind it. Seen with MONITOR.
/// </summary>
public sealed class TransactionConnectionsTests(RedisService fixture)
{
    [Fact]
    public async Task A_posts_save_goes_out_on_a_pool_connection_and_its_lookups_on_the_main_one()
    {
        using var client = fixture.CreateClient();
        var thread = TestSites.NewThread("txpool");
        var address = StoreBackend.Redis!.RedisAddress!;

        var commands = (await StoreMonitor.CommandsDuringAsync(address,
                async () => await client.PublishAsync(TestSites.Open, thread, TestApi.Reply("saved on a connection of its own"))))
            .Where(line => line.Contains(thread, StringComparison.Ordinal))
            .ToList();

        var lookup = Assert.Single(commands, line => line.Contains("\"HMGET\"", StringComparison.Ordinal));
        var watch = Assert.Single(commands, line => line.Contains("\"WATCH\"", StringComparison.Ordinal));
        var names = await ClientNamesAsync(address);
        Assert.EndsWith("-tx", names[StoreMonitor.ClientOf(watch)], StringComparison.Ordinal);
        Assert.False(names[StoreMonitor.ClientOf(lookup)].EndsWith("-tx", StringComparison.Ordinal), $"the look-up went out on {names[StoreMonitor.ClientOf(lookup)]}");
    }

    private static async Task<Dictionary<string, string>> ClientNamesAsync(string address)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{address},allowAdmin=true");
        var clients = await admin.GetServer(admin.GetEndPoints()[0]).ClientListAsync();
        return clients.ToDictionary(c => c.Address!.ToString()!, c => c.Name ?? "");
    }
}
