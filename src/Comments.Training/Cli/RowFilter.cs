using Comments.Training.Data;

namespace Comments.Training.Cli;

/// <summary>--split / --source / --group: which rows of the files to evaluate ("all" or absent = every row).</summary>
public sealed record RowFilter(string? Split, string? Source, string? Group)
{
    public static RowFilter From(Arguments args) => new(args.Single("split"), args.Single("source"), args.Single("group"));

    public bool Keeps(LabelledRow row) =>
        Matches(Split, row.Split) && Matches(Source, row.Source) && Matches(Group, row.Group);

    private static bool Matches(string? wanted, string value) =>
        wanted is null or "all" || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);
}
