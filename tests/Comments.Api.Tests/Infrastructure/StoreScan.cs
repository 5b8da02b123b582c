using StackExchange.Redis;

namespace Comments.Api.Tests.Infrastructure;

/// <summary>
/// SCAN of a whole store: every primary's keys. One server for Garnet and redis-server; on a Redis
/// Cluster each primary holds only its slots, so a scan of <c>GetServers()[0]</c> would see a third of
/// the keys (and none of a site whose slot lives elsewhere).
/// </summary>
public static class StoreScan
{
    public static async IAsyncEnumerable<RedisKey> KeysAsync(IConnectionMultiplexer store, int database, string pattern, int pageSize = 250)
    {
        foreach (var server in store.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(database, pattern, pageSize)) yield return key;
        }
    }
}
