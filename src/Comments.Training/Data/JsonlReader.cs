using System.Text.Json;

namespace Comments.Training.Data;

/// <summary>Reads JSONL rows: text, label (0/1 or boolean) and optional split, source, group, weight.</summary>
internal static class JsonlReader
{
    public static IEnumerable<LabelledRow> Read(string path)
    {
        var defaultSource = System.IO.Path.GetFileNameWithoutExtension(path);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, path, lineNumber, defaultSource);
        }
    }

    private static LabelledRow Parse(string line, string path, int lineNumber, string defaultSource)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException e) { throw new MalformedDataException(path, lineNumber, $"not a JSON object ({e.Message})"); }
        using (document)
        {
            var row = document.RootElement;
            if (row.ValueKind != JsonValueKind.Object) throw new MalformedDataException(path, lineNumber, "not a JSON object");
            if (!row.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                throw new MalformedDataException(path, lineNumber, "missing string field \"text\"");
            if (!row.TryGetProperty("label", out var label))
                throw new MalformedDataException(path, lineNumber, "missing field \"label\"");
            var parsedLabel = label.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number or JsonValueKind.String => LabelParser.Parse(label.ToString()),
                _ => null,
            } ?? throw new MalformedDataException(path, lineNumber, $"label must be 0, 1, true or false, not {label.GetRawText()}");
            var weight = 1f;
            if (row.TryGetProperty("weight", out var w) && (w.ValueKind != JsonValueKind.Number || !w.TryGetSingle(out weight) || weight < 0))
                throw new MalformedDataException(path, lineNumber, $"weight must be a non-negative number, not {w.GetRawText()}");
            return new LabelledRow(text.GetString()!, parsedLabel, OptionalString(row, "split"),
                OptionalString(row, "source") is { Length: > 0 } source ? source : defaultSource, OptionalString(row, "group"), weight);
        }
    }

    private static string OptionalString(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
