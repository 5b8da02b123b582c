using Comments.Core.Sites;

namespace Comments.Api.Demo;

public static class DemoPage
{
    /// <summary>The site the demo article embeds the widget for (the shipped configuration's one site).</summary>
    public const string Site = "demo";

    /// <summary>
    /// <c>GET /</c>: a static article (wwwroot/index.html) with the widget for the <c>demo</c> site and
    /// the steps to moderate it. Only while the <c>demo</c> site is configured: a service without it
    /// answers <c>/</c> with 404 as before, and nothing else is ever mapped at <c>/</c>.
    /// </summary>
    public static void MapDemoPage(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<SiteDirectory>().Find(Site) is null) return;
        routes.MapGet("/", (IWebHostEnvironment env) =>
                TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
    }
}
