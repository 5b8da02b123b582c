using Comments.Core.Comments;
using System.Collections.Concurrent;

namespace Comments.Api.Limits;

/// <summary>Counts open connections per client limit key (see <see cref="AddressKeys"/>) against a cap.</summary>
public sealed class ConnectionsPerAddress(int max)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Max => max;

    public bool TryAcquire(string key)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(key);
            if (current >= max) return false;
            if (current == 0 ? _open.TryAdd(key, 1) : _open.TryUpdate(key, current + 1, current)) return true;
        }
    }

    public void Release(string key)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(key);
            if (current == 0) return;
            // Remove the entry at zero so the map only holds addresses with open connections.
            if (current == 1
                ? _open.TryRemove(new KeyValuePair<string, int>(key, 1))
                : _open.TryUpdate(key, current - 1, current)) return;
        }
    }

    public int OpenFrom(string key) => _open.GetValueOrDefault(key);
}
