namespace Comments.TestSupport;

/// <summary>Where the service under test keeps its data: its own embedded Garnet, or a real redis-server.</summary>
public sealed record StoreBackend(string Name, string? RedisAddress)
{
    /// <summary>Set by .ci/run (and by anyone with a Redis at hand) to run the same tests against redis-server.</summary>
    public const string RedisVariable = "COMMENTS_TEST_REDIS";

    /// <summary>
    /// Set to 1 when <see cref="RedisVariable"/> names a Redis Cluster (tests/cluster/start-cluster.sh):
    /// a cluster has only database 0, so the tests that keep to a database of their own use database 0
    /// and tests that need a whole database to themselves (flush, count every key) are not run on it
    /// (.ci/run runs the cluster subset, see tests/cluster/README.md).
    /// </summary>
    public const string ClusterVariable = "COMMENTS_TEST_REDIS_CLUSTER";

    public static StoreBackend Garnet { get; } = new("garnet", null);

    public static StoreBackend? Redis { get; } =
        System.Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } address ? new("redis", address) : null;

    /// <summary>Whether the Redis given is a cluster.</summary>
    public static bool RedisIsCluster { get; } = System.Environment.GetEnvironmentVariable(ClusterVariable) == "1";

    /// <summary>The database a test that wants one of its own uses: <paramref name="database"/>, or 0 on a cluster.</summary>
    public static int Database(int database) => RedisIsCluster ? 0 : database;

    /// <summary>A connection string for <paramref name="address"/> on the test's own database (none on a cluster).</summary>
    public static string WithDatabase(string address, int database) =>
        RedisIsCluster ? address : $"{address},defaultDatabase={database}";

    public static void SkipUnlessRedis()
    {
        if (Redis is null)
            CiSkip.Now($"No Redis given: set {RedisVariable}=host:port to run this against redis-server (.ci/run does).");
    }
}
