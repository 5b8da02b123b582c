namespace Comments.Api.Moderation;

/// <summary>The moderator page: plain HTML and JS under wwwroot/moderate, signed in with a moderator key.</summary>
public static class ModerationPage
{
    public static void MapModerationPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/moderate", (IWebHostEnvironment env) =>
                TypedResults.PhysicalFile(Path.Combine(env.WebRootPath, "moderate", "index.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
    }
}
