namespace Comments.Training.Data;

/// <summary>A labelled file that cannot be read; the message names the file and line.</summary>
public sealed class MalformedDataException(string path, int line, string problem)
    : Exception(line > 0 ? $"{path}, line {line}: {problem}" : $"{path}: {problem}")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}
