namespace Comments.Training.Data;

/// <param name="Split">train / val / test, or empty when the file has none.</param>
/// <param name="Source">The corpus it came from (the file name when the file does not say).</param>
public sealed record LabelledRow(string Text, bool Label, string Split, string Source, string Group, float Weight);
