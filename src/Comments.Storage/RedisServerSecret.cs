using System.Security.Cryptography;
using System.Text;
using Comments.Core.Engagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// <c>Engagement:TokenSecret</c> when configured (at least 32 characters, checked at start-up); otherwise 32 random
/// bytes written once to the store with SET NX, so every node and every restart signs alike.
/// Loaded at start-up; if the store does not answer then, the next use tries again. Only a
/// success is kept: a failure stays as transient as its cause.
/// </summary>
public sealed partial class RedisServerSecret(IConnectionMultiplexer redis, IOptions<ServerSecretOptions> options, ILogger<RedisServerSecret> logger)
    : IServerSecret, IHostedService
{
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(3);

    private readonly byte[]? _configured = options.Value.TokenSecret is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : null;
    private volatile byte[]? _key;

    public byte[] Key => _configured ?? _key ?? Loaded(() =>
    {
        var db = redis.GetDatabase();
        db.StringSet(RedisKeys.ServerSecret(), NewSecret(), when: When.NotExists);
        return db.StringGet(RedisKeys.ServerSecret());
    });

    public async ValueTask LoadAsync(CancellationToken ct = default)
    {
        if (_configured is not null || _key is not null) return;
        RedisValue stored;
        try
        {
            var db = redis.GetDatabase();
            await db.StringSetAsync(RedisKeys.ServerSecret(), NewSecret(), when: When.NotExists).WaitAsync(ct);
            stored = await db.StringGetAsync(RedisKeys.ServerSecret()).WaitAsync(ct);
        }
        catch (RedisException e)
        {
            throw new ServerSecretUnavailableException(e);
        }
        Loaded(() => stored);
    }

    async Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(StartupWait);
        try
        {
            await LoadAsync(startup.Token);
        }
        catch (Exception e) when (e is ServerSecretUnavailableException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Not fatal: the store may come up later, and the first signing tries again.
            LogNotLoaded(e.InnerException?.GetType().Name ?? e.GetType().Name);
        }
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private byte[] Loaded(Func<RedisValue> read)
    {
        try
        {
            var value = read();
            return _key = Convert.FromBase64String(value.HasValue ? value.ToString() : throw new InvalidOperationException("The store has no server secret."));
        }
        catch (Exception e) when (e is RedisException or InvalidOperationException or FormatException)
        {
            throw new ServerSecretUnavailableException(e);
        }
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server secret could not be read at start-up ({Error}); it is read again at first use")]
    private partial void LogNotLoaded(string error);
}
