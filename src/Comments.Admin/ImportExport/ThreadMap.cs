using Comments.Storage.Import;
using Comments.Core.Comments;

namespace Comments.Admin.ImportExport;

/// <summary>
/// <c>--thread-map FILE</c>: a CSV of <c>permalink,thread</c> lines that overrides the permalink
/// mapping (<see cref="ThreadIds"/>) for the posts it names (a first line <c>permalink,thread</c> is a
/// header; blank lines are skipped). A thread id must pass <see cref="Ids.IsThread"/>; a bad line stops
/// the import before anything is read (exit 2, the line named).
/// </summary>
public sealed class ThreadMap(IReadOnlyDictionary<string, string> threads)
{
    public static ThreadMap Read(string path)
    {
        var threads = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0 || (number == 1 && line.Trim() == "permalink,thread")) continue;
            var comma = line.LastIndexOf(',');
            var permalink = comma < 0 ? "" : line[..comma].Trim();
            var thread = comma < 0 ? "" : line[(comma + 1)..].Trim();
            if (permalink.Length == 0 || !Ids.IsThread(thread))
                throw new AdminUsageException($"--thread-map line {number}: expected permalink,thread with a thread id of 1–128 letters, digits, '-', '_', '.', ':' or '~'.");
            threads[permalink] = thread;
        }
        return new ThreadMap(threads);
    }

    public int Count => threads.Count;

    /// <summary>The rows with their thread id replaced where the map names their post's permalink.</summary>
    public IEnumerable<SourceComment> Apply(IEnumerable<SourceComment> rows) =>
        rows.Select(row => row.Thread.Url is { } url && threads.TryGetValue(url, out var thread)
            ? row with { Thread = row.Thread with { ThreadId = thread } }
            : row);
}
