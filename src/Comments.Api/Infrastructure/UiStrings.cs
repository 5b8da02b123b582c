using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The readers' strings for pages the server renders (the no-JavaScript form's answer), read from
/// the widget's own language files (<c>wwwroot/lang/&lt;code&gt;.js</c>), so a translation is made
/// once. Each file is a JSON object after <c>= </c>; plural entries are objects and are not used here.
/// </summary>
public sealed class UiStrings
{
    public const string Fallback = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;

    public UiStrings(IWebHostEnvironment environment)
    {
        var languages = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in environment.WebRootFileProvider.GetDirectoryContents("lang").Where(f => f.Name.EndsWith(".js", StringComparison.Ordinal)))
            languages[Path.GetFileNameWithoutExtension(file.Name)] = Read(file);
        if (!languages.ContainsKey(Fallback))
            throw new InvalidOperationException($"wwwroot/lang/{Fallback}.js is missing: the server's reader pages have no strings.");
        _languages = languages.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Languages => _languages.Keys;

    /// <summary>The first of <paramref name="candidates"/> that has strings (a region is dropped: <c>de-AT</c> → <c>de</c>), else English.</summary>
    public string Pick(params IEnumerable<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrWhiteSpace(candidate)) continue;
            var code = candidate.Trim().Split('-', '_')[0];
            if (_languages.ContainsKey(code)) return code.ToLowerInvariant();
        }
        return Fallback;
    }

    /// <summary>The languages of an <c>Accept-Language</c> header, most wanted first.</summary>
    public static IEnumerable<string?> Accepted(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var list)
            ? list.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value)
            : [];

    /// <summary>The string <paramref name="key"/> in <paramref name="language"/>, else in English, else null; <c>{name}</c>s are filled from <paramref name="values"/>.</summary>
    public string? Get(string language, string key, params (string Name, string Value)[] values)
    {
        if (!(_languages.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text))
            && !_languages[Fallback].TryGetValue(key, out text))
            return null;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    private static FrozenDictionary<string, string> Read(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream());
        var text = reader.ReadToEnd();
        var start = text.IndexOf("= {", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"wwwroot/lang/{file.Name} holds no '= {{…}}' object.");
        using var json = JsonDocument.Parse(text[(start + 2)..].TrimEnd().TrimEnd(';'));
        return json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
