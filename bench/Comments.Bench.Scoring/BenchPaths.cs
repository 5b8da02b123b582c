namespace Comments.Bench.Scoring;

/// <summary>The repository's models/ and the shared corpora, found from the working directory upwards.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();
    public static string Models => Path.Combine(Root, "models");
    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));
    public static string Toxicity(string file) => SharedData(Path.Combine("toxicity", file));
    public static string TextbookModel => Path.Combine(Root, "bench", "Comments.Bench.Scoring", "obj", "textbook-toxicity.zip");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Comments.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository (Comments.sln not found)");
    }
}
