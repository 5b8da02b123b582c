namespace Comments.Scoring.Tests;

/// <summary>Finds the repository (the folder with Comments.sln), its models/ and the shared corpora beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Models => Path.Combine(Root, "models");
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>The corpus file, or an <c>Assert.Skip</c> saying where it was looked for.</summary>
    public static string CorpusOrSkip(string relative)
    {
        var path = Path.Combine(SharedData, relative);
        if (!File.Exists(path)) Assert.Skip($"corpus not found at {path} (the shared data folder sits beside the repository as ../shared/data)");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Comments.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Comments.sln not found above {AppContext.BaseDirectory}");
    }
}
