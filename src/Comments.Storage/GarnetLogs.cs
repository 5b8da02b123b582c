using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Comments.Storage;

/// <summary>
/// Garnet's own log, routed into the service's log under <c>Garnet.*</c> (warnings and errors). Every error Garnet logs while it recovers is also kept:
/// Garnet 2.2.8 logs a failed replay of its append-only file and then serves without the rest of
/// the data, so <see cref="EmbeddedGarnet"/> reads these and refuses to start instead.
/// </summary>
internal sealed class GarnetLogs(ILoggerFactory service) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _recoveryErrors = new();
    private volatile bool _recovering = true;

    public IReadOnlyCollection<string> RecoveryErrors => _recoveryErrors;

    /// <summary>From here on an error is only logged (a failed checkpoint, say), not held against recovery.</summary>
    public void RecoveryDone() => _recovering = false;

    public ILogger CreateLogger(string categoryName) => new Forwarder(this, service.CreateLogger("Garnet." + categoryName));

    public void Dispose()
    {
    }

    private sealed class Forwarder(GarnetLogs owner, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Error || (logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            if (logLevel >= LogLevel.Error && owner._recovering)
                owner._recoveryErrors.Enqueue(formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
