using System.Text.Json;
using System.Text.RegularExpressions;
using Comments.Api.Tests.Infrastructure;
using Comments.Api.Tests.Realtime;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests.Health;

/// <summary>
/// "Every endpoint" checked against what the host really maps (its endpoint data source), not a
/// hand-kept list: every API route is in the OpenAPI document, and every operation of the
/// document has a request in Comments.Api.http.
/// </summary>
public sealed class OpenApiCoverageTests(InProcessService service) : IClassFixture<InProcessService>
{
    /// <summary>Every (method, route) the host maps under /api, from its endpoint data source.</summary>
    private IReadOnlyList<(string Method, string Route)> MappedApiRoutes() =>
        service.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => (m, Normalize(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

    /// <summary>Every (method, path) of the OpenAPI document.</summary>
    private async Task<IReadOnlyList<(string Method, string Route)>> DocumentedOperationsAsync()
    {
        using var client = service.CreateClient();
        return await DocumentedOperationsAsync(client);
    }

    /// <summary>Every (method, path) of the OpenAPI document the service at <paramref name="client"/> serves, paths normalized.</summary>
    public static async Task<IReadOnlyList<(string Method, string Route)>> DocumentedOperationsAsync(HttpClient client)
    {
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        return doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (op.Name.ToUpperInvariant(), Normalize(p.Name))))
            .ToList();
    }

    [Fact]
    public async Task Every_api_route_the_host_maps_is_in_the_openapi_document()
    {
        var mapped = MappedApiRoutes();
        var documented = await DocumentedOperationsAsync();

        Assert.True(mapped.Count >= 10, $"only {mapped.Count} API routes found: {string.Join(", ", mapped)}");
        var missing = mapped.Where(r => !documented.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "mapped but not in /openapi/v1.json: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Route}")));
    }

    [Fact]
    public async Task The_comment_post_documents_both_its_201_and_its_202()
    {
        using var client = service.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var responses = doc.GetProperty("paths").GetProperty("/api/sites/{site}/threads/{thread}/comments").GetProperty("post").GetProperty("responses");
        Assert.True(responses.TryGetProperty("201", out _));
        Assert.True(responses.TryGetProperty("202", out _));
    }

    [Fact]
    public async Task The_http_file_has_a_request_for_every_operation_of_the_openapi_document()
    {
        var http = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "Comments.Api", "Comments.Api.http"));
        var requests = http.Select(l => Regex.Match(l, @"^(GET|POST|PUT|PATCH|DELETE) \{\{base\}\}(/[^?\s]*)"))
            .Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Route: Normalize(m.Groups[2].Value)))
            .ToList();
        var documented = await DocumentedOperationsAsync();

        Assert.True(documented.Count >= 10, $"only {documented.Count} operations documented");
        // A documented parameter matches a variable of the file or a literal value (queue/pending).
        var missing = documented.Where(op => !requests.Any(r => r.Method == op.Method
            && Regex.IsMatch(r.Route, "^" + Regex.Escape(op.Route).Replace(@"\{}", "[^/]+", StringComparison.Ordinal) + "$"))).ToList();
        Assert.True(missing.Count == 0, "in /openapi/v1.json but not in Comments.Api.http: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Route}")));
    }

    [Fact]
    public async Task Moderator_operations_require_the_moderator_key_and_public_ones_say_they_are_anonymous()
    {
        using var client = service.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ModeratorKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var operations = Operations(doc).ToList();
        Assert.Contains(operations, o => o.Path.StartsWith("/api/moderation/", StringComparison.Ordinal));
        foreach (var (path, method, operation) in operations)
        {
            var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            if (path.StartsWith("/api/moderation/", StringComparison.Ordinal)) Assert.True(schemes is ["ModeratorKey"], $"{method} {path}: {string.Join(",", schemes)}");
            else Assert.True(schemes.Count == 0, $"{method} {path} is public but asks for {string.Join(",", schemes)}");
        }
    }

    [Fact]
    public async Task Every_site_operation_documents_its_site_and_the_comment_post_its_idempotency_key()
    {
        using var client = service.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        foreach (var (path, method, operation) in Operations(doc).Where(o => o.Path.Contains("{site}", StringComparison.Ordinal)))
            Assert.True(Parameters(operation).Any(p => p.In == "path" && p.Name == "site"), $"{method} {path} lacks its site parameter");
        var post = doc.GetProperty("paths").GetProperty("/api/sites/{site}/threads/{thread}/comments").GetProperty("post");
        Assert.Contains(("header", "Idempotency-Key"), Parameters(post));
    }

    [Fact]
    public async Task Every_refusal_is_problem_json_naming_codes_of_the_catalogue_with_an_example()
    {
        var catalogue = typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        using var client = service.CreateClient();
        var doc = await client.GetJsonAsync("/openapi/v1.json");
        var refusals = 0;
        foreach (var (path, method, operation) in Operations(doc).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("503", out _), $"{method} {path} does not document 503 (the store down)");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                refusals++;
                var where = $"{method} {path} {response.Name}";
                var codes = Regex.Matches(response.Value.GetProperty("description").GetString()!, @"`([a-z_]+\.[a-z_]+)`").Select(m => m.Groups[1].Value).ToList();
                Assert.True(codes.Count > 0, $"{where} names no code");
                Assert.True(codes.All(catalogue.Contains), $"{where} names codes outside ErrorCodes: {string.Join(", ", codes)}");
                var example = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
                Assert.Equal(codes[0], example.GetProperty("code").GetString());
                Assert.Equal(int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), example.GetProperty("status").GetInt32());
            }
        }
        Assert.True(refusals >= 50, $"only {refusals} refusals documented");
        var post = doc.GetProperty("paths").GetProperty("/api/sites/{site}/threads/{thread}/comments").GetProperty("post").GetProperty("responses");
        Assert.Contains(ErrorCodes.Duplicate, post.GetProperty("409").GetProperty("description").GetString());
        Assert.Contains(ErrorCodes.IdempotencyKeyReused, post.GetProperty("422").GetProperty("description").GetString());
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement doc) =>
        doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(op => op.Name != "parameters").Select(op => (p.Name, op.Name.ToUpperInvariant(), op.Value)));

    private static IEnumerable<(string In, string Name)> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => (p.GetProperty("in").GetString()!, p.GetProperty("name").GetString()!))
            : [];

    /// <summary>A route with every parameter ({site}, {{site}}, {{post.response.body.$.id}}, {id:long}) as "{}", without the trailing slash.</summary>
    public static string Normalize(string route) =>
        "/" + Regex.Replace(route.Trim('/'), @"\{\{[^}]*\}\}|\{[^}]*\}", "{}");
}
