using System.Text.Json;
using System.Text.Json.Serialization;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Reads request strings so that each way a field can be wrong is its own exception type, which
/// <see cref="JsonBody"/> maps to a code without reading any message text: a token of another kind
/// (a number, an object) is <see cref="JsonWrongTypeException"/>; a string that is not valid Unicode
/// (a lone surrogate escape, invalid UTF-8) is <see cref="JsonInvalidTextException"/>.
/// </summary>
public sealed class StrictStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonWrongTypeException();
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonInvalidTextException(e);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (like counts by comment id) read and write as the built-in converter does.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}

/// <summary>A JSON value of another kind where a string belongs.</summary>
public sealed class JsonWrongTypeException() : JsonException("A string was expected.");

/// <summary>A JSON string that is not valid Unicode.</summary>
public sealed class JsonInvalidTextException(Exception inner) : JsonException("The string is not valid Unicode.", inner);
