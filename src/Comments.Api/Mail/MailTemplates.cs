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
/// folder's <c>strings.json</c>, looked up through <see cref="UiStrings"/>.
/// </summary>
public sealed partial class MailTemplates(IOptions<MailOptions> options)
{
    public const string Confirm = "confirm", Reply = "reply", Thread = "thread", PersonalData = "personal-data", Alert = "alert", Post = "post", PostDigest = "post_digest";

    /// <summary>
    /// English-only templates not yet moved to <c>Mail/Templates/</c>: used when no file is found. A new mail
    /// may start here; to translate it, move its text to <c>Mail/Templates/en/{name}.txt</c> and <c>.html</c>,
    /// add the same files to every other language folder, and its subject as <c>mail.{name}.subject</c> to
    /// every <c>strings.json</c> (the tests then check every language has them, with the same placeholders).
    /// </summary>
    private static readonly Dictionary<string, (string Text, string Html)> Shipped = new()
    {
        [PersonalData] = (
            "Someone (we hope you) asked {{site}} for the personal data it holds about this address.\n\nDownload it (a JSON file; the link works until {{expires}}):\n{{export_url}}\n\nIf it was not you, ignore this mail: the link is only in this mail.\n",
            "<p>Someone (we hope you) asked {{site}} for the personal data it holds about this address.</p><p><a href=\"{{export_url}}\">Download it</a> (a JSON file; the link works until {{expires}}).</p><p>If it was not you, ignore this mail: the link is only in this mail.</p>"),
        [Alert] = (
            "{{count}} comment(s) on {{site}} wait for a moderator:\n\n{{items_text}}Moderate them: {{moderate_url}}\n\n--\nYou get these alerts as a moderator of {{site}} (Moderation:Moderators, Alerts).\n",
            "<p>{{count}} comment(s) on {{site}} wait for a moderator:</p>{{items_html}}<p><a href=\"{{moderate_url}}\">Moderate them</a></p><hr><p>You get these alerts as a moderator of {{site}}.</p>"),
        [Post] = (
            "New on {{site}}: {{post_title}}\n\n{{post_summary}}\n\nRead it: {{post_url}}\n\n--\nStop these mails: {{unsubscribe_url}}\nManage your subscriptions (a mail per post, daily or weekly): {{manage_url}}\n",
            "<p>New on {{site}}:</p><h2><a href=\"{{post_url}}\">{{post_title}}</a></h2><p>{{post_summary}}</p><p><a href=\"{{post_url}}\">Read it</a></p><hr><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> &middot; <a href=\"{{manage_url}}\">Manage your subscriptions</a></p>"),
        [PostDigest] = (
            "New on {{site}} {{period}}:\n\n{{posts_text}}--\nStop these mails: {{unsubscribe_url}}\nManage your subscriptions (a mail per post, daily or weekly): {{manage_url}}\n",
            "<p>New on {{site}} {{period}}:</p>{{posts_html}}<hr><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> &middot; <a href=\"{{manage_url}}\">Manage your subscriptions</a></p>"),
    };

    /// <summary>Values whose HTML is already safe (sanitized comment HTML, or built from encoded parts).</summary>
    private static readonly HashSet<string> RawHtml = ["comment_html", "comments_html", "items_html", "posts_html"];

    public (string Text, string Html) Render(string site, string language, string name, IReadOnlyDictionary<string, string> values)
    {
        var text = Find(site, language, name, ".txt") ?? Shipped[name].Text;
        var html = Find(site, language, name, ".html") ?? Shipped[name].Html;
        return (Fill(text, values, encode: false), Fill(html, values, encode: true));
    }

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
