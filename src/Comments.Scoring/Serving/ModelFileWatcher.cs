namespace Comments.Scoring.Serving;

/// <summary>
/// Calls back once a burst of changes to *.zip files in a folder has been quiet for the given
/// delay (a copy or a save usually raises several events).
/// </summary>
internal sealed class ModelFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly TimeSpan _delay;

    public ModelFileWatcher(string directory, TimeSpan delay, Action onChanged)
    {
        _delay = delay;
        _timer = new Timer(_ => onChanged(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory, "*.zip")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Deleted += (_, _) => Schedule();
        _watcher.Renamed += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    private void Schedule() => _timer.Change(_delay, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
