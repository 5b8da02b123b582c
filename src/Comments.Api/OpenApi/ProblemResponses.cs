using System.Reflection;
using System.Text.Json.Nodes;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using static Comments.Core.Submissions.ErrorCodes;

namespace Comments.Api.OpenApi;

/// <summary>
/// Every refusal an operation can answer, as an <c>application/problem+json</c> response whose
/// description lists the <see cref="ErrorCodes"/> it may carry, with an example. The statuses are
/// those the endpoint declares plus what the pipeline adds everywhere (429 under a rate limit, 503
/// when the store is down); the codes come from what the route is (its path parameters, its body,
/// its key) and, for the codes only one handler answers, from <see cref="ByOperation"/>.
/// </summary>
internal static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Codes that one operation alone may answer, by its operation id (WithName).</summary>
    private static readonly Dictionary<string, (int Status, string Code)[]> ByOperation = new(StringComparer.Ordinal)
    {
        ["PostComment"] = [(400, Validation), (400, InvalidThreadId), (400, ParentNotFound), (400, ParentNotPublished),
            (400, ParentOtherThread), (400, ParentTooDeep), (409, ThreadClosed), (409, Duplicate), (422, IdempotencyKeyReused),
            (429, Flood), (507, StoreFull)],
        ["PostCommentForm"] = [(400, MalformedForm), (400, Validation), (400, InvalidThreadId), (400, ParentNotFound),
            (400, ParentNotPublished), (400, ParentOtherThread), (400, ParentTooDeep), (403, FormOriginNotAllowed),
            (409, ThreadClosed), (409, Duplicate), (429, Flood), (507, StoreFull)],
        ["GetThreadComments"] = [(400, BadQuery)],
        ["GetThreadLikes"] = [(400, BadQuery)],
        ["LikeComment"] = [(400, LikeInvalidReader), (429, LikeRateLimited), (507, StoreFull)],
        ["FlagComment"] = [(400, FlagInvalid), (409, AlreadyFlagged), (507, StoreFull)],
        ["EditOwnComment"] = [(400, Validation), (403, AuthorBadToken), (409, AuthorWindowClosed), (507, StoreFull)],
        ["DeleteOwnComment"] = [(400, Validation), (403, AuthorBadToken), (409, AuthorWindowClosed)],
        ["OwnCommentStatus"] = [(400, Validation), (403, AuthorBadToken)],
        ["ModerateComment"] = [(400, ModerationInvalid), (409, ModerationNotAllowed)],
        ["ModerateComments"] = [(400, ModerationInvalid)],
        ["Ban"] = [(400, ModerationInvalid), (507, StoreFull)],
        ["Unban"] = [(400, ModerationInvalid), (404, BanNotFound)],
        ["SetThreadDetails"] = [(400, BadQuery), (400, ModerationInvalid)],
        ["CloseThread"] = [(400, BadQuery)],
        ["Subscribe"] = [(400, SubscriptionInvalid), (501, MailDisabled), (507, StoreFull)],
        ["ConfirmSubscriptionPage"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["ConfirmSubscription"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["ManageSubscriptions"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["RemoveThreadSubscription"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["UnsubscribePage"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["Unsubscribe"] = [(400, SubscriptionBadLink), (501, MailDisabled)],
        ["ReopenThread"] = [(400, BadQuery)],
        ["GetSiteStats"] = [(403, AuthAdminRequired)],
        ["ExportPersonalData"] = [(400, ModerationInvalid), (403, AuthAdminRequired)],
        ["ErasePersonalData"] = [(400, ModerationInvalid), (403, AuthAdminRequired)],
    };

    public static void Complete(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var route = context.Description.RelativePath ?? "";
        if (!route.StartsWith("api/", StringComparison.Ordinal)) return;
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var codes = new List<(int Status, string Code)>();
        if (operation.RequestBody?.Content?.ContainsKey("application/json") == true)
            codes.AddRange([(400, MalformedJson), (400, WrongType), (413, BodyTooLarge), (415, UnsupportedMediaType), (408, BodyTimeout)]);
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true) codes.Add((400, BadQuery));
        if (route.Contains("{id}", StringComparison.Ordinal)) codes.AddRange([(400, InvalidId), (404, CommentNotFound)]);
        if (route.Contains("{site}", StringComparison.Ordinal)) codes.Add((404, SiteNotFound));
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            codes.AddRange([(401, AuthMissingKey), (401, AuthInvalidKey)]);
            if (route.Contains("{site}", StringComparison.Ordinal)) codes.Add((403, AuthForbiddenSite));
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) codes.Add((429, RateLimited));
        if (operation.OperationId is { } id && ByOperation.TryGetValue(id, out var own)) codes.AddRange(own);
        codes.Add((503, StoreUnavailable));

        operation.Responses ??= new OpenApiResponses();
        var declared = operation.Responses.Keys.Where(k => k.Length == 3 && k[0] is '4' or '5').Select(int.Parse);
        foreach (var status in declared.Concat(codes.Select(c => c.Status)).Distinct().Order())
        {
            var these = codes.Where(c => c.Status == status).Select(c => c.Code).Distinct().ToList();
            if (these.Count == 0) these.Add(RequestError);
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A declared validation problem keeps its schema (HttpValidationProblemDetails); the rest are ProblemDetails.
            var schema = operation.Responses.TryGetValue(key, out var existing) && existing.Content?.TryGetValue(ProblemJson, out var media) == true
                ? media.Schema : null;
            operation.Responses[key] = Response(status, these, schema ?? new OpenApiSchemaReference("ProblemDetails", context.Document));
        }
    }

    /// <summary>
    /// The ProblemDetails schemas with the extensions every refusal of ours carries (<c>code</c>
    /// from the catalogue, <c>traceId</c>) and those of field errors (<c>errors</c>, <c>fields</c>).
    /// </summary>
    public static void DescribeExtensions(OpenApiDocument document)
    {
        var allCodes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (JsonNode)JsonValue.Create((string)f.GetRawConstantValue()!)).ToList();
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(name, out var found) || found is not OpenApiSchema schema) continue;
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Enum = allCodes,
                Description = "The stable error code (the README's API section lists each with its meaning).",
            };
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, as logged." };
            schema.Properties.TryAdd("errors", new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "Field errors: field → messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            });
            schema.Properties["fields"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Description = "Field errors with their per-field codes.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "field", "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["field"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = allCodes },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            };
        }
    }

    private static OpenApiResponse Response(int status, IReadOnlyList<string> codes, IOpenApiSchema schema)
    {
        var title = ReasonPhrases.GetReasonPhrase(status);
        return new OpenApiResponse
        {
            Description = $"{title}: a ProblemDetails whose `code` is one of " + string.Join(", ", codes.Select(c => $"`{c}`")) + ".",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new OpenApiMediaType
                {
                    Schema = schema,
                    Example = new JsonObject
                    {
                        ["type"] = "https://tools.ietf.org/html/rfc9110",
                        ["title"] = title,
                        ["status"] = status,
                        ["code"] = codes[0],
                        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    },
                },
            },
        };
    }
}
