using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Mail;

/// <summary>
/// The bodies of mails: a plain-text and an HTML template per mail, with <c>{{name}}</c> placeholders.
/// The shipped ones are below; <c>Mail:TemplateDir</c> may replace any of them, for every site
/// (<c>{dir}/{name}.txt</c>, <c>.html</c>) or one (<c>{dir}/{site}/{name}.*</c>). In HTML every value is
/// encoded, except <c>comment_html</c>, which is the comment's sanitized HTML.
/// </summary>
public sealed partial class MailTemplates(IOptions<MailOptions> options)
{
    public const string Confirm = "confirm", Reply = "reply", Thread = "thread", PersonalData = "personal-data", Alert = "alert", Post = "post", PostDigest = "post_digest";

    private static readonly Dictionary<string, (string Text, string Html)> Shipped = new()
    {
        [Confirm] = (
            "Someone (we hope you) asked {{site}} to email this address about new comments.\n\nTo confirm, open:\n{{confirm_url}}\n\nIf it was not you, ignore this mail: nothing will be sent.\n",
            "<p>Someone (we hope you) asked {{site}} to email this address about new comments.</p><p><a href=\"{{confirm_url}}\">Confirm</a></p><p>If it was not you, ignore this mail: nothing will be sent.</p>"),
        [PersonalData] = (
            "Someone (we hope you) asked {{site}} for the personal data it holds about this address.\n\nDownload it (a JSON file; the link works until {{expires}}):\n{{export_url}}\n\nIf it was not you, ignore this mail: the link is only in this mail.\n",
            "<p>Someone (we hope you) asked {{site}} for the personal data it holds about this address.</p><p><a href=\"{{export_url}}\">Download it</a> (a JSON file; the link works until {{expires}}).</p><p>If it was not you, ignore this mail: the link is only in this mail.</p>"),
        [Reply] = (
            "{{author}} replied to your comment on \"{{thread_title}}\":\n\n{{comment_text}}\n\nRead it: {{comment_url}}\n\n--\nStop these mails: {{unsubscribe_url}}\nManage your subscriptions: {{manage_url}}\n",
            "<p>{{author}} replied to your comment on &ldquo;{{thread_title}}&rdquo;:</p><blockquote>{{comment_html}}</blockquote><p><a href=\"{{comment_url}}\">Read it</a></p><hr><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> &middot; <a href=\"{{manage_url}}\">Manage your subscriptions</a></p>"),
        [Thread] = (
            "New comments on \"{{thread_title}}\":\n\n{{comments_text}}\nRead them: {{thread_url}}\n\n--\nStop these mails: {{unsubscribe_url}}\nManage your subscriptions: {{manage_url}}\n",
            "<p>New comments on &ldquo;{{thread_title}}&rdquo;:</p>{{comments_html}}<p><a href=\"{{thread_url}}\">Read them</a></p><hr><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a> &middot; <a href=\"{{manage_url}}\">Manage your subscriptions</a></p>"),
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

    public (string Text, string Html) Render(string site, string name, IReadOnlyDictionary<string, string> values)
    {
        var (text, html) = Shipped[name];
        text = Load(site, name, ".txt") ?? text;
        html = Load(site, name, ".html") ?? html;
        return (Fill(text, values, encode: false), Fill(html, values, encode: true));
    }

    private string? Load(string site, string name, string extension)
    {
        if (options.Value.TemplateDir is not { Length: > 0 } dir) return null;
        foreach (var path in new[] { Path.Combine(dir, site, name + extension), Path.Combine(dir, name + extension) })
            if (File.Exists(path)) return File.ReadAllText(path);
        return null;
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
