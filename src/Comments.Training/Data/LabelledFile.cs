namespace Comments.Training.Data;

/// <summary>Reads any labelled file: CSV when the name ends in .csv, a hand-written template set when it ends in .templates (<see cref="TemplateReader"/>), JSONL otherwise.</summary>
public static class LabelledFile
{
    public static List<LabelledRow> Read(string path)
    {
        if (!File.Exists(path)) throw new MalformedDataException(path, 0, "file not found");
        var rows = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CsvReader.Read(path).ToList()
            : path.EndsWith(".templates", StringComparison.OrdinalIgnoreCase) ? TemplateReader.Read(path).ToList()
            : JsonlReader.Read(path).ToList();
        if (rows.Count == 0) throw new MalformedDataException(path, 0, "no labelled rows");
        return rows;
    }

    public static List<LabelledRow> ReadAll(IEnumerable<string> paths) => paths.SelectMany(Read).ToList();
}
