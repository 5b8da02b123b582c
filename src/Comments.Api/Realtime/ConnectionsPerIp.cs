using System.Collections.Concurrent;

namespace Comments.Api.Realtime;

/// <summary>Counts the open live connections of each client address on this node.</summary>
public sealed class ConnectionsPerIp(RealtimeOptions options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public bool TryAcquire(string ip)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(ip);
            if (current >= options.MaxConnectionsPerIp) return false;
            if (current == 0 ? _open.TryAdd(ip, 1) : _open.TryUpdate(ip, current + 1, current)) return true;
        }
    }

    public void Release(string ip)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(ip);
            if (current == 0) return;
            // Remove the entry at zero so the map only holds addresses with open connections.
            if (current == 1
                ? _open.TryRemove(new KeyValuePair<string, int>(ip, 1))
                : _open.TryUpdate(ip, current - 1, current)) return;
        }
    }

    public int OpenFrom(string ip) => _open.GetValueOrDefault(ip);
}
