using System.Text;
using Comments.Api.Infrastructure;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Comments;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body as strictly as <see cref="JsonBody"/>
/// reads JSON, and turns every way it can be wrong into a ProblemDetails instead of an
/// exception: over the byte cap, chunked or not (413); too many fields, a key that is not a
/// short plain name, a broken %-escape (400 <c>request.malformed_form</c>); a value that is not
/// UTF-8 (400 <c>field.invalid_unicode</c> naming the field, as JSON does). The first value of
/// a repeated key wins.
/// </summary>
public static class FormBody
{
    public const int MaxFields = 64;
    public const int MaxKeyLength = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(IReadOnlyDictionary<string, string>? Fields, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "Send the form as application/x-www-form-urlencoded."));
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
            cap.MaxRequestBodySize = maxBytes;

        byte[] body;
        try
        {
            body = await ReadAllAsync(request.Body, maxBytes, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        if (body.Length > maxBytes) return (null, TooLarge(maxBytes));
        return Parse(body);
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) break;
        }
        return buffer.ToArray();
    }

    private static (IReadOnlyDictionary<string, string>?, ProblemHttpResult?) Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty) continue;
            if (++count > MaxFields) return Malformed($"A form has at most {MaxFields} fields.");
            var eq = pair.IndexOf((byte)'=');
            var rawKey = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? [] : pair[(eq + 1)..];
            if (Decode(rawKey) is not { } keyBytes || !IsKey(keyBytes))
                return Malformed($"Field names are 1 to {MaxKeyLength} letters, digits, '-' or '_'.");
            var key = Encoding.ASCII.GetString(keyBytes);
            if (Decode(rawValue) is not { } valueBytes) return Malformed($"The field '{key}' has a broken %-escape.");
            string value;
            try
            {
                value = StrictUtf8.GetString(valueBytes);
            }
            catch (DecoderFallbackException)
            {
                return (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidUnicode, "A field is not valid Unicode text.",
                    [new FieldError(key, ErrorCodes.InvalidUnicode, $"'{key}' is not valid UTF-8.")]));
            }
            fields.TryAdd(key, value);
        }
        return (fields, null);
    }

    /// <summary>Percent-decoding with '+' as space; null on a broken escape.</summary>
    private static byte[]? Decode(ReadOnlySpan<byte> raw)
    {
        var result = new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == '+') b = (byte)' ';
            else if (b == '%')
            {
                if (i + 2 >= raw.Length || !Uri.IsHexDigit((char)raw[i + 1]) || !Uri.IsHexDigit((char)raw[i + 2])) return null;
                b = (byte)(Uri.FromHex((char)raw[i + 1]) * 16 + Uri.FromHex((char)raw[i + 2]));
                i += 2;
            }
            result[n++] = b;
        }
        return result[..n];
    }

    private static bool IsKey(byte[] key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(b => b < 0x80 && (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_'));

    private static (IReadOnlyDictionary<string, string>?, ProblemHttpResult?) Malformed(string message) =>
        (null, Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.MalformedForm, "The form is not well-formed.",
            [new FieldError("form", ErrorCodes.MalformedForm, message)]));

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge, $"The form is larger than {maxBytes} bytes.");
}
