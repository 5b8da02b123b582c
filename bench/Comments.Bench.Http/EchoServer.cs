namespace Comments.Bench.Http;

/// <summary>
/// The baseline: a bare Kestrel endpoint that reads a JSON body and writes it back, in its own
/// process like the service, so both pay the same HTTP and JSON costs. With a static file,
/// <c>GET /static</c> answers that file's bytes as JSON: the read floor for a body of the same size
/// as a thread's page (bench/wrk/run.sh passes the page the service served).
/// </summary>
public static class EchoServer
{
    public static void Run(int port, string? staticFile = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/echo", async (HttpRequest request, HttpResponse response) =>
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            response.ContentType = "application/json";
            await System.Text.Json.JsonSerializer.SerializeAsync(response.Body, body.RootElement);
        });
        app.MapGet("/echo", () => Results.Text("{\"ok\":true}", "application/json"));
        var page = staticFile is null ? "{}"u8.ToArray() : File.ReadAllBytes(staticFile);
        app.MapGet("/static", () => Results.Bytes(page, "application/json; charset=utf-8"));
        Console.WriteLine("Application started");
        app.Run();
    }
}
