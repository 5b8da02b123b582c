using System.Reflection;
using System.Text.RegularExpressions;
using Comments.Api.Tests.Infrastructure;
using Comments.Core.Submissions;

namespace Comments.Api.Tests.Hardening;

/// <summary>
/// The error catalogue (<see cref="ErrorCodes"/>), the README's table of codes and the source tree
/// say the same thing: every code is documented, every documented code exists, and no source file
/// but the catalogue spells one.
/// </summary>
public partial class ErrorCatalogueTests
{
    private static IReadOnlyList<string> Catalogue { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void Every_code_in_the_catalogue_is_distinct()
    {
        Assert.NotEmpty(Catalogue);
        Assert.Equal(Catalogue.Count, Catalogue.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_readme_table_lists_exactly_the_codes_of_the_catalogue()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| code | status | meaning |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no '| code | status | meaning |' table.");
        var documented = readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => TableRow().Match(l)).Select(m => m.Success ? m.Groups["code"].Value : "(malformed row)").ToList();

        Assert.Empty(documented.Except(Catalogue));
        Assert.Empty(Catalogue.Except(documented));
        Assert.Equal(documented.Count, documented.Distinct().Count());
    }

    [Fact]
    public void No_source_file_but_the_catalogue_spells_a_code()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var catalogue = Path.GetFullPath(Path.Combine(src, "Comments.Core", "Submissions", "ErrorCodes.cs"));
        var codes = Catalogue.ToHashSet(StringComparer.Ordinal);
        var spelled = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFullPath(f) != catalogue)
            .SelectMany(f => StringLiteral().Matches(File.ReadAllText(f))
                .Select(m => m.Groups["value"].Value).Where(codes.Contains)
                .Select(code => $"{Path.GetRelativePath(src, f)}: \"{code}\""))
            .ToList();
        Assert.Empty(spelled);
    }

    [GeneratedRegex(@"^\| `(?<code>[a-z_]+\.[a-z_]+)` \| [^|]+ \| [^|]+ \|$")]
    private static partial Regex TableRow();

    [GeneratedRegex("\"(?<value>[a-z_]+\\.[a-z_]+)\"")]
    private static partial Regex StringLiteral();
}
