using System.Text;

namespace Comments.Training.Data;

/// <summary>
/// Reads a CSV file with a header naming at least <c>text</c> and <c>label</c> (any order, any
/// case; optional split, source, group, weight). RFC 4180 quoting: fields in double quotes may
/// hold commas, newlines and doubled quotes.
/// </summary>
internal static class CsvReader
{
    public static IEnumerable<LabelledRow> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var line = 1;
        var header = ReadRecord(reader, path, ref line) ?? throw new MalformedDataException(path, 1, "empty file (expected a text,label header)");
        var columns = header.Select((name, i) => (Name: name.Trim().ToLowerInvariant(), Index: i))
            .GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Index);
        if (!columns.TryGetValue("text", out var textColumn) || !columns.TryGetValue("label", out var labelColumn))
            throw new MalformedDataException(path, 1, $"the header must name the columns text and label (found: {string.Join(",", header)})");
        var source = Path.GetFileNameWithoutExtension(path);

        while (true)
        {
            var recordLine = line;
            var fields = ReadRecord(reader, path, ref line);
            if (fields is null) yield break;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            if (fields.Count != header.Count)
                throw new MalformedDataException(path, recordLine, $"{fields.Count} fields where the header has {header.Count}");
            var label = LabelParser.Parse(fields[labelColumn])
                ?? throw new MalformedDataException(path, recordLine, $"label must be 0, 1, true or false, not \"{fields[labelColumn]}\"");
            var weight = 1f;
            if (columns.TryGetValue("weight", out var weightColumn) && fields[weightColumn].Length > 0
                && (!float.TryParse(fields[weightColumn], System.Globalization.CultureInfo.InvariantCulture, out weight) || weight < 0))
                throw new MalformedDataException(path, recordLine, $"weight must be a non-negative number, not \"{fields[weightColumn]}\"");
            yield return new LabelledRow(fields[textColumn], label, Field(fields, columns, "split"),
                Field(fields, columns, "source") is { Length: > 0 } s ? s : source, Field(fields, columns, "group"), weight);
        }
    }

    private static string Field(List<string> fields, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) ? fields[index] : string.Empty;

    /// <summary>One record (which may span lines when quoted), or null at the end of the file.</summary>
    private static List<string>? ReadRecord(StreamReader reader, string path, ref int line)
    {
        if (reader.Peek() < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var startLine = line;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (quoted) throw new MalformedDataException(path, startLine, "a quoted field is never closed");
                fields.Add(field.ToString());
                return fields;
            }
            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': line++; fields.Add(field.ToString()); return fields;
                default: field.Append(c); break;
            }
        }
    }
}
