namespace Comments.Api.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The folder that holds Comments.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The API's own build output, built in the same configuration as these tests.</summary>
    public static string ApiDll
    {
        get
        {
            // tests/Comments.Api.Tests/bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            return Path.Combine(Root, "src", "Comments.Api", "bin", configuration, "net10.0", "Comments.Api.dll");
        }
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
