namespace Comments.Api.Infrastructure;

/// <summary>
/// Where the service finds appsettings.json and wwwroot. ASP.NET Core takes the working directory;
/// a published service started from another folder (<c>dotnet /opt/comments/Comments.Api.dll</c>)
/// would then run without its configuration (no sites) and without its pages. So when the working
/// directory holds no appsettings.json but the application's folder does, that folder is the
/// content root. <c>--contentRoot</c> and <c>ASPNETCORE_CONTENTROOT</c> still decide when given.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = Find(args) };

    private static string? Find(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
            return null;
        const string settings = "appsettings.json";
        return !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), settings))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, settings))
            ? AppContext.BaseDirectory
            : null;
    }
}
