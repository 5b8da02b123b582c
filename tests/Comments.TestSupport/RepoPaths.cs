namespace Comments.TestSupport;

/// <summary>The repository, its build outputs, models/ and the shared corpora.</summary>
public static class RepoPaths
{
    /// <summary>The folder that holds Comments.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    /// <summary>The shared corpora, beside the repository.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>The API's own build output, built in the same configuration as these tests.</summary>
    public static string ApiDll => BuiltDll("Comments.Api", "Comments.Api.dll");

    /// <summary>A project's build output under src/, in the same configuration as these tests.</summary>
    public static string BuiltDll(string project, string assembly)
    {
        // tests/Comments.Api.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        return Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assembly);
    }

    /// <summary>The service's own C# sources (src/, build outputs left out): each file's path from <see cref="Root"/> and its text.</summary>
    public static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    /// <summary>A file of the shared corpora (../shared/data beside the repository), or the test is skipped saying so (fails under CI).</summary>
    public static string CorpusOrSkip(string relative)
    {
        var path = Path.Combine(SharedData, relative);
        if (!File.Exists(path)) CiSkip.Now($"corpus not found at {path} (the shared data folder sits beside the repository as ../shared/data)");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comments.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Comments.sln not found above " + AppContext.BaseDirectory);
    }
}
