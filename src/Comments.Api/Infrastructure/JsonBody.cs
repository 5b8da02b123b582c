using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body under a byte cap and turns every way it can be wrong into a
/// ProblemDetails: wrong media type (415), too large (413), malformed JSON or a wrong type (400,
/// naming the field).
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
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, ct);
            return value is null
                ? (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e) when (IsTypeMismatch(e))
        {
            var field = FieldFromPath(e.Path);
            return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.WrongType, "A field has the wrong type.",
                [new FieldError(field, ErrorCodes.WrongType, $"'{field}' has the wrong type.")]));
        }
        catch (JsonException)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The body is not valid JSON."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, BodyTooLarge(maxBytes));
        }
    }

    private static bool TooLarge(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes) return true;
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = maxBytes;
        return false;
    }

    // System.Text.Json reports a value of the wrong JSON kind with a message that starts this way.
    private static bool IsTypeMismatch(JsonException e) =>
        e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);

    private static string FieldFromPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.').Split('.', '[')[0];

    private static ProblemHttpResult BodyTooLarge(long maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The request body is larger than {maxBytes} bytes.");
}
