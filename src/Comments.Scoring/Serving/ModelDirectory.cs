namespace Comments.Scoring.Serving;

/// <summary>The absolute folder the scorer reads its model files from.</summary>
public sealed record ModelDirectory(string Path)
{
    /// <summary>
    /// An absolute <paramref name="configured"/> path is used as is. A relative one is taken
    /// against <paramref name="baseDirectory"/>, or, when that folder does not exist, against
    /// the nearest parent of <paramref name="baseDirectory"/> where it exists (so the service
    /// finds the repository's models/ when started from src/Comments.Api too), or, failing that,
    /// against the application's own folder (a published service carries models/ next to its dll,
    /// and may be started from any folder).
    /// </summary>
    public static ModelDirectory Resolve(string configured, string baseDirectory)
    {
        if (System.IO.Path.IsPathRooted(configured)) return new ModelDirectory(configured);
        var direct = System.IO.Path.GetFullPath(configured, baseDirectory);
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate)) return new ModelDirectory(System.IO.Path.GetFullPath(candidate));
        }
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, configured);
        return new ModelDirectory(Directory.Exists(beside) ? System.IO.Path.GetFullPath(beside) : direct);
    }
}
