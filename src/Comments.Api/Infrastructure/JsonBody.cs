using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body under a byte cap and turns every way it can be wrong into a
/// ProblemDetails: wrong media type (415), too large (413), malformed JSON or a wrong type (400,
/// naming the field), each recognised by its exception type (<see cref="StrictStringConverter"/>),
/// never by message text.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, long maxBytes, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Send the comment as application/json."));
        if (TooLarge(request, maxBytes)) return (null, BodyTooLarge(maxBytes));
        JsonDocument document;
        try
        {
            // Syntax first: every JsonException from here on is about a value, never the document's shape.
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The body is not a valid JSON object."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, BodyTooLarge(maxBytes));
        }
        using (document)
        {
            try
            {
                return document.Deserialize(typeInfo) is { } value
                    ? (value, null)
                    : (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The body must be a JSON object."));
            }
            catch (JsonInvalidTextException e) when (FieldFromPath(e.Path) is { } field)
            {
                return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidUnicode, "A field is not valid Unicode text.",
                    [new FieldError(field, ErrorCodes.InvalidUnicode, $"'{field}' contains invalid Unicode (a lone surrogate or invalid UTF-8).")]));
            }
            catch (JsonException e) when (FieldFromPath(e.Path) is { } field)
            {
                // A value of the wrong kind: a number or an object where a string, a list or a date belongs.
                return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.WrongType, "A field has the wrong type.",
                    [new FieldError(field, ErrorCodes.WrongType, e is JsonWrongTypeException ? $"'{field}' must be a string." : $"'{field}' has the wrong type.")]));
            }
            catch (JsonException)
            {
                return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The body is not a valid JSON object."));
            }
        }
    }

    private static bool TooLarge(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) return true;
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = maxBytes;
        return false;
    }

    /// <summary>The top-level property a JSON path points into; null for the document itself.</summary>
    private static string? FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$', '.').Split('.', '[')[0];

    private static ProblemHttpResult BodyTooLarge(long maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The request body is larger than {maxBytes} bytes.");
}
