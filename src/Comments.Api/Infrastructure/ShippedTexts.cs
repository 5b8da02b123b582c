using System.Collections.Frozen;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The texts built into the service from <c>Mail/Templates/{lang}/</c> (embedded, so a published or copied
/// service carries them): mail templates and <c>strings.json</c>, by path (<c>de/reply.txt</c>).
/// </summary>
public static class ShippedTexts
{
    private const string Prefix = "Templates/";

    public static FrozenDictionary<string, string> All { get; } = Load();

    /// <summary>The shipped <paramref name="file"/> of <paramref name="language"/>, or null.</summary>
    public static string? Get(string language, string file) => All.GetValueOrDefault($"{language}/{file}");

    /// <summary>The languages that have a folder.</summary>
    public static IEnumerable<string> Languages => All.Keys.Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(ShippedTexts).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!path.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            texts[path[Prefix.Length..]] = reader.ReadToEnd();
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
