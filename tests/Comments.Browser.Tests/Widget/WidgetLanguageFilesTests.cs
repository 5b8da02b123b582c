using System.Text.Json;
using System.Text.RegularExpressions;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// The widget's strings (wwwroot/lang/*.js): every language the widget offers has a file, every
/// file has every key of English, with the same placeholders and an "other" form for plurals.
/// </summary>
public sealed partial class WidgetLanguageFilesTests
{
    private static string Wwwroot => Path.Combine(RepoPaths.Root, "src", "Comments.Api", "wwwroot");

    private static Dictionary<string, JsonElement> Strings(string code)
    {
        var text = File.ReadAllText(Path.Combine(Wwwroot, "lang", code + ".js"));
        Assert.Contains($"(window.CommentsLang = window.CommentsLang || {{}})['{code}'] = {{", text, StringComparison.Ordinal);
        var json = text[text.IndexOf("= {", StringComparison.Ordinal)..].TrimStart('=', ' ').TrimEnd().TrimEnd(';');
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
    }

    private static IEnumerable<string> Texts(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!) : [value.GetString()!];

    public static TheoryData<string> Languages()
    {
        var embed = File.ReadAllText(Path.Combine(Wwwroot, "embed.js"));
        var list = LangsPattern().Match(embed);
        Assert.True(list.Success, "embed.js declares no LANGS");
        return new TheoryData<string>(list.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'')));
    }

    [Fact]
    public void The_widget_offers_the_eight_languages_and_exactly_the_files_that_exist()
    {
        var offered = Languages().Select(row => row.Data).Order().ToArray();
        Assert.Equal(["ar", "de", "en", "es", "fr", "ko", "ru", "uk"], offered);
        var files = Directory.GetFiles(Path.Combine(Wwwroot, "lang"), "*.js").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(offered, files);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_of_English_is_translated_with_the_same_placeholders(string code)
    {
        var english = Strings("en");
        var other = Strings(code);
        Assert.Equal(english.Keys.Order(), other.Keys.Order());
        foreach (var (key, value) in english)
        {
            var translated = other[key];
            Assert.True(value.ValueKind == translated.ValueKind, $"{code}.{key}: a plural in one language is plural in all");
            if (translated.ValueKind == JsonValueKind.Object)
                Assert.True(translated.TryGetProperty("other", out _), $"{code}.{key} has no 'other' plural form");
            var wanted = Texts(value).SelectMany(t => PlaceholderPattern().Matches(t).Select(m => m.Value)).ToHashSet();
            foreach (var text in Texts(translated))
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{code}.{key} is empty");
                var found = PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();
                // A plural form may spell the number out ("One comment"), so {n} may be missing; nothing else may.
                found.Add("{n}");
                Assert.True(wanted.IsSubsetOf(found) && found.IsSubsetOf(wanted.Append("{n}").ToHashSet()), $"{code}.{key}: placeholders {string.Join(",", found)} against English {string.Join(",", wanted)} in \"{text}\"");
            }
        }
    }

    [GeneratedRegex(@"var LANGS = \[([^\]]*)\]")]
    private static partial Regex LangsPattern();

    [GeneratedRegex(@"\{[\w-]+\}")]
    private static partial Regex PlaceholderPattern();
}
