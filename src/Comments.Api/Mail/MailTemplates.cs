using System.Net;
using System.Text.RegularExpressions;
using Comments.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace Comments.Api.Mail;

/// <summary>
/// The bodies of mails: a plain-text and an HTML template per mail and language, with <c>{{name}}</c>
/// placeholders. The shipped ones are <c>Mail/Templates/{lang}/{name}.txt</c> and <c>.html</c> (built in);
/// <c>Mail:TemplateDir</c> may replace any of them, for one site and language or more broadly. The first
/// file found wins, per part: <c>{dir}/{site}/{lang}/{name}</c>, <c>{dir}/{site}/{name}</c>,
/// <c>{dir}/{lang}/{name}</c>, <c>{dir}/{name}</c>, then the shipped <c>{lang}/{name}</c>, the shipped
/// <c>en/{name}</c>. In HTML every value is encoded, except <c>comment_html</c> and <c>comments_html</c>,
/// which are sanitized comment HTML. Subjects are strings (<c>mail.{name}.subject</c>) in the same
/// folder's <c>strings.json</c>, looked up through <see cref="UiStrings"/>. A new mail goes in every
/// language folder at once (<c>{name}.txt</c>, <c>{name}.html</c> and <c>mail.{name}.subject</c>); the tests
/// check every language has them, with the same placeholders.
/// </summary>
public sealed partial class MailTemplates(IOptions<MailOptions> options)
{
    public const string Confirm = "confirm", Reply = "reply", Thread = "thread", PersonalData = "personal-data", Alert = "alert", Post = "post", PostDigest = "post_digest";

    /// <summary>Values whose HTML is already safe (sanitized comment HTML, or built from encoded parts).</summary>
    private static readonly HashSet<string> RawHtml = ["comment_html", "comments_html", "items_html", "posts_html"];

    public (string Text, string Html) Render(string site, string language, string name, IReadOnlyDictionary<string, string> values)
    {
        var text = Find(site, language, name, ".txt") ?? throw Missing(name, ".txt");
        var html = Find(site, language, name, ".html") ?? throw Missing(name, ".html");
        return (Fill(text, values, encode: false), Fill(html, values, encode: true));
    }

    private static InvalidOperationException Missing(string name, string extension) =>
        new($"The mail '{name}' has no template: add Mail/Templates/en/{name}{extension} (and the other languages).");

    private string? Find(string site, string language, string name, string extension)
    {
        var file = name + extension;
        if (options.Value.TemplateDir is { Length: > 0 } dir)
            foreach (var path in new[] { Path.Combine(dir, site, language, file), Path.Combine(dir, site, file), Path.Combine(dir, language, file), Path.Combine(dir, file) })
                if (File.Exists(path)) return File.ReadAllText(path);
        return ShippedTexts.Get(language, file) ?? ShippedTexts.Get(UiStrings.Fallback, file);
    }

    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            var value = values.GetValueOrDefault(key, "");
            return encode && !RawHtml.Contains(key) ? WebUtility.HtmlEncode(value) : value;
        });

    /// <summary>The text of sanitized comment HTML, for the plain-text part.</summary>
    public static string TextOf(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(html.Replace("</p>", "\n\n").Replace("<br>", "\n"), "")).Trim();

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
