using Comments.Api.Moderation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Comments.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, completed once here rather than on each
/// endpoint: the API's description and tags, the moderator key as a security scheme, the path
/// parameters that filters read (<c>site</c>), the <c>Idempotency-Key</c> header and the
/// ProblemDetails answers with their codes (<see cref="ProblemResponses"/>). Checked in the tests
/// by a real linter (@redocly/cli, tests/js/redocly.yaml).
/// </summary>
public static class OpenApiDocumentation
{
    public static IServiceCollection AddCommentsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                ProblemResponses.DescribeExtensions(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                OperationMetadata.Complete(operation, context);
                ProblemResponses.Complete(operation, context);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Comments API";
        document.Info.Description = "A self-hosted comment backend: readers post and read comments per site and thread; "
            + "moderators (with a moderator key) review, act and ban. Every error is an RFC 7807 ProblemDetails "
            + "(application/problem+json) with a stable `code`.";
        // Servers are the address the document was asked at; the linter wants them without the trailing '/'.
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ModeratorKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A moderator key (made with the Admin CLI), sent as `Authorization: Bearer <key>`.",
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= tag.Name switch
            {
                "Comments" => "Reading and posting comments (anonymous).",
                "Engagement" => "Likes, recent comments and the author's own edit and delete (anonymous).",
                "Moderation" => "The moderators' API: needs a moderator key for the site.",
                "Subscriptions" => "Mail subscriptions, double opt-in (anonymous; 501 mail.disabled when the server sends no mail): ask, confirm, manage, one-click unsubscribe.",
                "Personal data" => "Export and erasure of everything tied to an email (GDPR articles 15 and 17): an admin key for any address; "
                    + "anyone may ask for their own export, which is mailed to the address as a signed link.",
                "Import" => "Import a WordPress (WXR) or Disqus export into a site: needs an admin key.",
                _ => null,
            };
    }
}
