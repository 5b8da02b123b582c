using Ganss.Xss;
using Markdig;

namespace Comments.Core.Text;

/// <summary>
/// Renders a comment's Markdown subset to HTML that is safe to insert into a page: Markdig with
/// raw HTML disabled, then an allowlist sanitizer. Links keep only http, https and mailto, and
/// get <c>rel="nofollow ugc noopener"</c>. Thread-safe.
/// </summary>
public sealed class CommentRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string text)
    {
        var html = Markdig.Markdown.ToHtml(text, Markdown);
        return _sanitizer.Sanitize(html).Trim();
    }

    /// <summary>
    /// HTML written elsewhere (an imported WordPress comment) through the same allowlist. Paragraphs
    /// follow WordPress's display: a blank line ends one, a single line break is a &lt;br&gt;. HTML that
    /// has its own paragraphs (a Disqus message) keeps them.
    /// </summary>
    public string RenderImportedHtml(string html) => RenderImportedHtml(html, parseAlways: false);

    internal string RenderImportedHtml(string html, bool parseAlways)
    {
        if (html.Contains("<p>", StringComparison.OrdinalIgnoreCase) || html.Contains("<p ", StringComparison.OrdinalIgnoreCase))
            return _sanitizer.Sanitize(html).Trim();
        var paragraphs = html.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var laidOut = string.Concat(paragraphs.Select(p => "<p>" + p.Replace("\n", "<br>\n") + "</p>"));
        // Plain text (most imported comments) comes out of the sanitizer as it went in: skip its parse.
        return !parseAlways && IsPlainText(html) ? laidOut.Trim() : _sanitizer.Sanitize(laidOut).Trim();
    }

    /// <summary>
    /// True when the HTML parser and serializer leave the text as it is: no markup or entity
    /// (<c>&lt; &gt; &amp;</c>), no no-break space (written back as <c>&amp;nbsp;</c>), no carriage
    /// return or other control character, no noncharacter U+xFFFE/U+xFFFF (written back as U+FFFD), no
    /// unpaired surrogate.
    /// </summary>
    internal static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '<' or '>' or '&' or '\u00A0') return false;
            if (c < ' ' && c is not ('\n' or '\t')) return false;
            if (c is >= '\u007F' and <= '\u009F') return false;
            if (c is '\uFFFE' or '\uFFFF') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if ((char.ConvertToUtf32(c, text[++i]) & 0xFFFE) == 0xFFFE) return false;
                continue;
            }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }
}
