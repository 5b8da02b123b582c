using System.Text.Json;
using System.Text.RegularExpressions;

namespace Comments.Browser.Tests.Widget;

/// <summary>
/// The readers' and moderators' strings (the widget's wwwroot/lang/*.js, the moderation page's
/// wwwroot/moderate/lang/*.js): every language a page offers has a file, every file has every key of
/// English, with the same placeholders and an "other" form for plurals.
/// </summary>
public sealed partial class WidgetLanguageFilesTests
{
    private static string Wwwroot => Path.Combine(RepoPaths.Root, "src", "Comments.Api", "wwwroot");

    /// <summary>Each page: the folder of its strings, the global its files fill in, and the script that lists its languages.</summary>
    private static readonly (string Folder, string Global, string Script, Regex Offered)[] Pages =
    [
        ("lang", "CommentsLang", "embed.js", WidgetLangsPattern()),
        (Path.Combine("moderate", "lang"), "ModerateLang", Path.Combine("moderate", "moderate.js"), ModerateLangsPattern()),
    ];

    private static Dictionary<string, JsonElement> Strings(string folder, string code)
    {
        var global = Pages.Single(p => p.Folder == folder).Global;
        var text = File.ReadAllText(Path.Combine(Wwwroot, folder, code + ".js"));
        Assert.Contains($"(window.{global} = window.{global} || {{}})['{code}'] = {{", text, StringComparison.Ordinal);
        var json = text[text.IndexOf("= {", StringComparison.Ordinal)..].TrimStart('=', ' ').TrimEnd().TrimEnd(';');
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
    }

    private static IEnumerable<string> Texts(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!) : [value.GetString()!];

    private static string[] Offered(string folder)
    {
        var page = Pages.Single(p => p.Folder == folder);
        var list = page.Offered.Match(File.ReadAllText(Path.Combine(Wwwroot, page.Script)));
        Assert.True(list.Success, $"{page.Script} declares no LANGS");
        return list.Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'', '"')).ToArray();
    }

    public static TheoryData<string, string> Languages() =>
        new(Pages.SelectMany(p => Offered(p.Folder).Select(code => (p.Folder, code))));

    [Fact]
    public void Each_page_offers_the_eight_languages_and_exactly_the_files_that_exist()
    {
        foreach (var (folder, _, _, _) in Pages)
        {
            var offered = Offered(folder).Order().ToArray();
            Assert.Equal(["ar", "de", "en", "es", "fr", "ko", "ru", "uk"], offered);
            var files = Directory.GetFiles(Path.Combine(Wwwroot, folder), "*.js").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
            Assert.Equal(offered, files);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_of_English_is_translated_with_the_same_placeholders(string folder, string code)
    {
        var english = Strings(folder, "en");
        var other = Strings(folder, code);
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

    [Fact]
    public void Every_key_the_moderation_page_uses_is_in_its_english_file()
    {
        var english = Strings(Path.Combine("moderate", "lang"), "en").Keys.ToHashSet();
        var html = File.ReadAllText(Path.Combine(Wwwroot, "moderate", "index.html"));
        var js = File.ReadAllText(Path.Combine(Wwwroot, "moderate", "moderate.js"));
        var used = HtmlKeyPattern().Matches(html).Select(m => m.Groups[1].Value)
            .Concat(JsKeyPattern().Matches(js).Select(m => m.Groups[1].Value))
            .Concat(new[] { "pending", "spam", "reported", "published", "rejected", "deleted" }.Select(q => "queue." + q))
            .Concat(new[] { "approve", "reject", "spam", "delete", "restore", "pin", "unpin", "edit" }.Select(a => "done." + a))
            .Concat(new[] { "offensive", "abusive", "spam", "off-topic", "other" }.Select(r => "reason." + r))
            .ToHashSet();
        Assert.True(used.Count > 60, $"only {used.Count} keys found: the patterns no longer match the page");
        Assert.Empty(used.Except(english));
    }

    [GeneratedRegex(@"data-i18n(?:-[a-z-]+)?=""([^""]+)""")]
    private static partial Regex HtmlKeyPattern();

    [GeneratedRegex(@"\bt\(""([^""]+)""[,)]")]
    private static partial Regex JsKeyPattern();

    [GeneratedRegex(@"var LANGS = \[([^\]]*)\]")]
    private static partial Regex WidgetLangsPattern();

    [GeneratedRegex(@"const LANGS = \[([^\]]*)\]")]
    private static partial Regex ModerateLangsPattern();

    [GeneratedRegex(@"\{[\w-]+\}")]
    private static partial Regex PlaceholderPattern();
}
