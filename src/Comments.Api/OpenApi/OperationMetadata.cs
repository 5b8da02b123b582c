using Comments.Core.Submissions;
using Comments.Api.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Comments.Api.OpenApi;

/// <summary>
/// What endpoint metadata does not say by itself: route parameters read by filters rather than
/// bound by the handler (<c>site</c>, read by <c>SiteFilter</c>), who may call (the moderator key
/// on authorized endpoints, anonymous elsewhere) and the <c>Idempotency-Key</c> header of a post.
/// </summary>
internal static class OperationMetadata
{
    private static readonly Dictionary<string, string> RouteParameterDescriptions = new(StringComparer.Ordinal)
    {
        ["site"] = "The site's id, as configured under Sites (an unknown site is a 404 `site.not_found`).",
        ["thread"] = "The thread's id: 1–128 letters, digits, '-', '_', '.', ':' or '~'.",
        ["id"] = "The comment's id.",
    };

    public static void Complete(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        operation.Parameters ??= new List<IOpenApiParameter>();
        foreach (var name in RouteParameterNames(description.RelativePath))
        {
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name, In = ParameterLocation.Path, Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
        }
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
            if (parameter.In == ParameterLocation.Path && parameter.Description is null && parameter.Name is { } n
                && RouteParameterDescriptions.TryGetValue(n, out var text))
                parameter.Description = text;

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var moderator = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = moderator
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ModeratorKeyAuthentication.SchemeName, context.Document)] = [] }]
            : [new OpenApiSecurityRequirement()]; // anonymous: an empty requirement, said explicitly

        if (operation.OperationId == "PostComment")
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                Description = "1–128 visible ASCII characters: a retry with the same key and body answers the first result "
                    + "(with `Idempotent-Replayed: true`) instead of posting twice; the same key with another body is a 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = FieldLimits.IdempotencyKeyLength, Pattern = "^[!-~]+$" },
            });
    }

    /// <summary>The names of the route's parameters (<c>{site}</c>, <c>{id:long}</c> → site, id).</summary>
    private static IEnumerable<string> RouteParameterNames(string? route) =>
        System.Text.RegularExpressions.Regex.Matches(route ?? "", @"\{([^}:?=]+)")
            .Select(m => m.Groups[1].Value.TrimStart('*'));
}
