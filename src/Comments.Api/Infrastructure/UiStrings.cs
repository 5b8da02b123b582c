using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The readers' strings for what the server writes (the no-JavaScript form's answer, mails' subjects, the
/// subscription pages), in one lookup: the widget's own language files (<c>wwwroot/lang/&lt;code&gt;.js</c>,
/// so a translation is made once) and the server's own (<c>Mail/Templates/&lt;code&gt;/strings.json</c>,
/// which the widget never downloads). A key is in one of the two only. Plural entries are objects of
/// CLDR categories (<c>one</c>, <c>few</c>, <c>other</c>…), read with <see cref="Plural"/>.
/// </summary>
public sealed partial class UiStrings
{
    public const string Fallback = "en";

    private static readonly string[] Rtl = ["ar", "he", "fa", "ur"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _languages;
    private readonly FrozenDictionary<string, FrozenDictionary<string, FrozenDictionary<string, string>>> _plurals;

    public UiStrings(IWebHostEnvironment environment)
    {
        var texts = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in environment.WebRootFileProvider.GetDirectoryContents("lang").Where(f => f.Name.EndsWith(".js", StringComparison.Ordinal)))
            Add(texts, Path.GetFileNameWithoutExtension(file.Name), WidgetFile(file), $"wwwroot/lang/{file.Name}");
        foreach (var language in ShippedTexts.Languages)
            if (ShippedTexts.Get(language, "strings.json") is { } json)
                Add(texts, language, Parse(json), $"Mail/Templates/{language}/strings.json");
        if (!texts.ContainsKey(Fallback))
            throw new InvalidOperationException($"wwwroot/lang/{Fallback}.js is missing: the server's reader pages have no strings.");
        _languages = texts.ToFrozenDictionary(t => t.Key, t => t.Value.Where(p => p.Value.ValueKind == JsonValueKind.String)
            .ToFrozenDictionary(p => p.Key, p => p.Value.GetString()!, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        _plurals = texts.ToFrozenDictionary(t => t.Key, t => t.Value.Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .ToFrozenDictionary(p => p.Key, p => p.Value.EnumerateObject().ToFrozenDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal),
                StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
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

    /// <summary>Whether <paramref name="language"/> is written right to left.</summary>
    public static bool IsRtl(string language) => Rtl.Contains(language, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="tag"/> is shaped like a language tag (<c>de</c>, <c>de-AT</c>, <c>zh-Hant-TW</c>).</summary>
    public static bool IsLanguageTag(string? tag) => tag is { Length: <= 35 } && LanguageTag().IsMatch(tag);

    /// <summary>A reader's language to keep (its primary subtag, lower case: <c>de-AT</c> → <c>de</c>); null when there is none or it is not a language tag.</summary>
    public static string? Primary(string? tag) => IsLanguageTag(tag) ? tag!.Split('-', '_')[0].ToLowerInvariant() : null;

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
        return Fill(text, values);
    }

    /// <summary>
    /// The plural entry <paramref name="key"/> for <paramref name="count"/> in <paramref name="language"/> (its CLDR
    /// category, else <c>other</c>), else in English, else null; <c>{n}</c> is the count.
    /// </summary>
    public string? Plural(string language, string key, long count, params (string Name, string Value)[] values)
    {
        if (!(_plurals.TryGetValue(language, out var plurals) && plurals.TryGetValue(key, out var forms)))
        {
            if (!_plurals[Fallback].TryGetValue(key, out forms)) return null;
            language = Fallback;
        }
        var text = forms.GetValueOrDefault(PluralCategory(language, count)) ?? forms["other"];
        return Fill(text, [("n", count.ToString(CultureInfo.InvariantCulture)), .. values]);
    }

    /// <summary>The CLDR plural category of a whole number in the shipped languages (others: one/other as in English).</summary>
    public static string PluralCategory(string language, long n)
    {
        var n10 = n % 10;
        var n100 = n % 100;
        return language switch
        {
            "ko" or "ja" or "zh" => "other",
            "fr" => n is 0 or 1 ? "one" : "other",
            "ru" or "uk" => n10 == 1 && n100 != 11 ? "one"
                : n10 is >= 2 and <= 4 && n100 is < 12 or > 14 ? "few" : "many",
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when n100 is >= 3 and <= 10 => "few",
                _ when n100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            _ => n == 1 ? "one" : "other",
        };
    }

    private static string Fill(string text, IEnumerable<(string Name, string Value)> values)
    {
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    private static void Add(Dictionary<string, Dictionary<string, JsonElement>> texts, string language, Dictionary<string, JsonElement> strings, string source)
    {
        if (!texts.TryGetValue(language, out var all)) texts[language] = all = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in strings)
            if (!all.TryAdd(key, value))
                throw new InvalidOperationException($"{source}: the key '{key}' is defined twice for '{language}' (keys of the widget's and the server's files must differ).");
    }

    private static Dictionary<string, JsonElement> WidgetFile(IFileInfo file)
    {
        using var reader = new StreamReader(file.CreateReadStream());
        var text = reader.ReadToEnd();
        var start = text.IndexOf("= {", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"wwwroot/lang/{file.Name} holds no '= {{…}}' object.");
        return Parse(text[(start + 2)..].TrimEnd().TrimEnd(';'));
    }

    private static Dictionary<string, JsonElement> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
