namespace Comments.TestSupport;

/// <summary>Where the service under test keeps its data: its own embedded Garnet, or a real redis-server.</summary>
public sealed record StoreBackend(string Name, string? RedisAddress)
{
    /// <summary>Set by .ci/run (and by anyone with a Redis at hand) to run the same tests against redis-server.</summary>
    public const string RedisVariable = "COMMENTS_TEST_REDIS";

    public static StoreBackend Garnet { get; } = new("garnet", null);

    public static StoreBackend? Redis { get; } =
        System.Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } address ? new("redis", address) : null;

    public static void SkipUnlessRedis()
    {
        if (Redis is null)
            CiSkip.Now($"No Redis given: set {RedisVariable}=host:port to run this against redis-server (.ci/run does).");
    }
}
