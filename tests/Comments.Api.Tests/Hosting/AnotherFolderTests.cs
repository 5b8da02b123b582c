using System.Net;
using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Hosting;

/// <summary>
/// An operator starts the built service from any folder (<c>dotnet /opt/comments/Comments.Api.dll</c>):
/// it still reads its own appsettings.json (the shipped <c>demo</c> site) and serves its pages.
/// </summary>
public sealed class AnotherFolderTests
{
    [Fact]
    public async Task Started_from_another_folder_the_service_has_its_sites_and_pages()
    {
        var elsewhere = Directory.CreateTempSubdirectory("comments-elsewhere-").FullName;
        var environment = new Dictionary<string, string>(TestSites.Environment(Path.Combine(elsewhere, "data"), redis: null, embeddedPort: FreePort.Next()));
        try
        {
            await using var service = await ServiceProcess.StartAsync(environment, workingDirectory: elsewhere);
            using var client = service.CreateClient();
            using var demo = await client.GetAsync("/api/sites/demo/threads/hello-world/comments", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
            using var embed = await client.GetAsync("/embed.js", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
            var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
            Assert.Contains("""<script src="/embed.js" data-site="demo" data-thread="hello-world" async></script>""", page);
            Assert.Contains("""href="/moderate""", page);
        }
        finally { Directory.Delete(elsewhere, recursive: true); }
    }
}
