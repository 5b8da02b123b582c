namespace Comments.Core.Engagement;

/// <summary>The server's signing key: from configuration, or generated once and kept in the store.</summary>
public interface IServerSecret
{
    /// <summary>The key; read from the store if start-up could not. Throws <see cref="ServerSecretUnavailableException"/>.</summary>
    byte[] Key { get; }

    /// <summary>Reads the key now if it is not at hand yet; a failure is not remembered.</summary>
    ValueTask LoadAsync(CancellationToken ct = default);
}
