using System.Text.Json;
using System.Text.RegularExpressions;
using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// The mails and subscription pages in every language (src/Comments.Api/Mail/Templates/{lang}/): each language
/// has every template and every string of English, with the same placeholders; the service carries exactly
/// these files; and the one lookup (<see cref="UiStrings"/>) finds them, plurals included.
/// </summary>
public sealed partial class MailLanguageFilesTests
{
    private static readonly string[] Shipped = ["ar", "de", "en", "es", "fr", "ko", "ru", "uk"];

    private static string Folder => Path.Combine(RepoPaths.Root, "src", "Comments.Api", "Mail", "Templates");

    private static string[] Files(string language) =>
        Directory.GetFiles(Path.Combine(Folder, language)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static Dictionary<string, JsonElement> Strings(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(Folder, language, "strings.json")))!;

    public static TheoryData<string> Languages() => new(Shipped.Where(l => l != "en"));

    [Fact]
    public void The_eight_languages_have_a_folder_and_no_other_does()
    {
        Assert.Equal(Shipped, Directory.GetDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_template_of_English_exists_with_the_same_placeholders(string language)
    {
        var english = Files("en");
        Assert.Contains("confirm.txt", english);
        Assert.Equal(english, Files(language));
        foreach (var file in english.Where(f => f != "strings.json"))
        {
            var text = File.ReadAllText(Path.Combine(Folder, language, file));
            Assert.Equal(Placeholders(File.ReadAllText(Path.Combine(Folder, "en", file)), TemplatePlaceholder()), Placeholders(text, TemplatePlaceholder()));
            if (file.EndsWith(".html", StringComparison.Ordinal))
                Assert.StartsWith($"<div lang=\"{language}\" dir=\"{(language == "ar" ? "rtl" : "ltr")}\">", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_string_of_English_exists_with_the_same_placeholders(string language)
    {
        var english = Strings("en");
        var other = Strings(language);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in english)
        {
            var translated = other[key];
            Assert.True(value.ValueKind == translated.ValueKind, $"{language}.{key}: a plural in one language is plural in all");
            var wanted = Texts(value).SelectMany(t => Placeholders(t, StringPlaceholder())).ToHashSet();
            wanted.Remove("{n}");
            if (translated.ValueKind == JsonValueKind.Object) Assert.True(translated.TryGetProperty("other", out _), $"{language}.{key} has no 'other' form");
            foreach (var text in Texts(translated))
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{language}.{key} is empty");
                var found = Placeholders(text, StringPlaceholder()).ToHashSet();
                found.Remove("{n}"); // a plural form may spell the number out
                Assert.True(wanted.SetEquals(found), $"{language}.{key}: {string.Join(",", found)} against English {string.Join(",", wanted)} in \"{text}\"");
            }
        }
    }

    [Fact]
    public void Every_mail_has_a_subject_string()
    {
        var english = Strings("en");
        var mails = Files("en").Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal([MailTemplates.Alert, MailTemplates.Confirm, MailTemplates.PersonalData, MailTemplates.Post, MailTemplates.PostDigest, MailTemplates.Reply, MailTemplates.Thread],
            mails.Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            Assert.True(english.ContainsKey($"mail.{mail}.subject"), $"mail.{mail}.subject is missing");
            Assert.True(File.Exists(Path.Combine(Folder, "en", mail + ".html")), $"{mail}.html is missing");
        }
    }

    [Fact]
    public void The_service_carries_exactly_the_files_of_the_folder()
    {
        var onDisk = Shipped.SelectMany(l => Files(l).Select(f => $"{l}/{f}")).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, ShippedTexts.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, "de", "reply.txt")), ShippedTexts.Get("de", "reply.txt"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_lookup_finds_each_languages_own_subjects_and_page_texts(string language)
    {
        var strings = new UiStrings(new WebRoot());
        Assert.Equal(language, strings.Pick(language.ToUpperInvariant() + "-XX"));
        foreach (var key in Strings("en").Keys.Where(k => Strings("en")[k].ValueKind == JsonValueKind.String))
            Assert.NotEqual(strings.Get("en", key), strings.Get(language, key));
        for (var n = 1; n <= 30; n++)
        {
            var subject = strings.Plural(language, "mail.thread.subject", n, ("thread_title", "T"))!;
            Assert.NotEqual(strings.Plural("en", "mail.thread.subject", n, ("thread_title", "T")), subject);
            Assert.Contains("T", subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plural_categories_follow_CLDR_for_the_shipped_languages()
    {
        Assert.Equal(["one", "other", "other"], new[] { 1L, 2, 21 }.Select(n => UiStrings.PluralCategory("en", n)));
        Assert.Equal(["one", "few", "many", "many", "one", "few", "many", "many"],
            new[] { 1L, 2, 5, 11, 21, 22, 25, 111 }.Select(n => UiStrings.PluralCategory("ru", n)));
        Assert.Equal(UiStrings.PluralCategory("ru", 14), UiStrings.PluralCategory("uk", 14));
        Assert.Equal(["zero", "one", "two", "few", "many", "other", "few"],
            new[] { 0L, 1, 2, 3, 11, 100, 103 }.Select(n => UiStrings.PluralCategory("ar", n)));
        Assert.Equal("other", UiStrings.PluralCategory("ko", 1));
        Assert.Equal("one", UiStrings.PluralCategory("fr", 0));
    }

    [Fact]
    public void Mail_dates_are_written_in_the_mails_language()
    {
        var date = new DateTimeOffset(2026, 12, 3, 14, 5, 0, TimeSpan.FromHours(2));
        Assert.Matches(@"^Thursday, December 3, 2026 12:05\sPM UTC$", MailDates.Format(date, "en"));
        Assert.Contains("3. Dezember 2026", MailDates.Format(date, "de"), StringComparison.Ordinal);
        Assert.Contains("3 décembre 2026", MailDates.Format(date, "fr"), StringComparison.Ordinal);
        Assert.Contains("декабря", MailDates.Format(date, "ru"), StringComparison.Ordinal);
        Assert.Contains("12월", MailDates.Format(date, "ko"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Texts(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!) : [value.GetString()!];

    private static string[] Placeholders(string text, Regex pattern) =>
        pattern.Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\{[a-z_]+\}\}")]
    private static partial Regex TemplatePlaceholder();

    [GeneratedRegex(@"(?<!\{)\{[a-z_]+\}(?!\})")]
    private static partial Regex StringPlaceholder();

    /// <summary>The service's own wwwroot, for the widget's half of the strings.</summary>
    private sealed class WebRoot : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.Combine(RepoPaths.Root, "src", "Comments.Api", "wwwroot");
        public IFileProvider WebRootFileProvider { get; set; } = new PhysicalFileProvider(Path.Combine(RepoPaths.Root, "src", "Comments.Api", "wwwroot"));
        public string ApplicationName { get; set; } = "Comments.Api";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = RepoPaths.Root;
        public string EnvironmentName { get; set; } = "Test";
    }
}
