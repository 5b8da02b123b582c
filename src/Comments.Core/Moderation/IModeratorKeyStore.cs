namespace Comments.Core.Moderation;

/// <summary>Moderator keys kept in the store (written by the admin CLI); only SHA-256 digests of keys are stored.</summary>
public interface IModeratorKeyStore
{
    Task<Moderator?> FindAsync(string keyDigest, CancellationToken ct = default);

    Task AddAsync(string keyDigest, Moderator moderator, CancellationToken ct = default);

    Task<bool> RemoveAsync(string keyDigest, CancellationToken ct = default);
}
