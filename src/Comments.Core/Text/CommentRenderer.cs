using System.Buffers;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Comments.Core.Text;

/// <summary>
/// Renders a comment's Markdown subset to HTML that is safe to insert into a page: Markdig with
/// raw HTML disabled, then an allowlist sanitizer. Links keep only http, https and mailto, and
/// get <c>rel="nofollow ugc noopener"</c>. Thread-safe.
/// </summary>
public sealed class CommentRenderer
{
    // Only what the sanitizer's allowlist keeps: it drops an element it does not allow together with its text, so
    // a heading ("# Update") or a sub/superscript ("2^10^") lost words. Headings are written as paragraphs, and of the
    // emphasis extras only strikethrough is parsed (the rest stays literal text).
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseSoftlineBreakAsHardlineBreak()
        .Use<HeadingsAsParagraphs>()
        .Build();

    /// <summary>
    /// Characters that may start Markdown syntax anywhere in a line in this pipeline: entities, links, escapes,
    /// emphasis and its extras (strikethrough, sub/superscript, inserted, marked), code, and <c>|</c> in case the
    /// pipeline gains tables. An image's <c>!</c> needs a <c>[</c> after it, an <c>@</c> starts nothing here
    /// (the e-mail autolink needs <c>&lt;</c>), and <c>#</c> only heads a line: all three are common in comments.
    /// </summary>
    private static readonly SearchValues<char> MarkdownSyntax = SearchValues.Create("&[]\\*_~^+=`<>|");

    /// <summary>What the autolink parser links: <c>http://</c>, <c>https://</c>, <c>ftp://</c>, <c>www.</c>, <c>mailto:</c>, <c>tel:</c>.</summary>
    private static readonly string[] AutoLinkStarts = ["://", "www.", "mailto:", "tel:"];

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string text) => Render(text, parseAlways: false);

    internal string Render(string text, bool parseAlways)
    {
        // Most comments are plain prose: lay their paragraphs out directly, as Markdig and the sanitizer would.
        if (!parseAlways && TryRenderPlainProse(text) is { } plain) return plain;
        var html = Markdig.Markdown.ToHtml(text, Markdown);
        return _sanitizer.Sanitize(html).Trim();
    }

    /// <summary>
    /// The HTML the full path writes for text with no Markdown syntax and nothing the sanitizer rewrites, or null
    /// when the text may hold either: paragraphs split on blank lines, a line break within one is <c>&lt;br&gt;</c>
    /// and a newline, each line without the spaces around it. Decided conservatively (a line that merely starts
    /// like a list item goes the full path); <c>RenderPlainTextTests</c> holds it to the full path's output.
    /// Nothing needs escaping: <see cref="IsPlainText"/> lets no <c>&lt; &gt; &amp;</c> through, and the <c>"</c>
    /// that Markdig writes as <c>&amp;quot;</c> the sanitizer writes back as it was.
    /// </summary>
    internal static string? TryRenderPlainProse(string text)
    {
        if (text.AsSpan().ContainsAny(MarkdownSyntax) || !IsPlainText(text)) return null;
        foreach (var start in AutoLinkStarts)
        {
            if (text.Contains(start, StringComparison.OrdinalIgnoreCase)) return null;
        }

        var html = new StringBuilder(text.Length + 16);
        var inParagraph = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.AsSpan().Trim(" \t").IsEmpty)
            {
                if (inParagraph) html.Append("</p>\n");
                inParagraph = false;
                continue;
            }
            if (!IsPlainProseLine(line)) return null;
            html.Append(inParagraph ? "<br>\n" : "<p>").Append(line.AsSpan().Trim(' '));
            inParagraph = true;
        }
        if (inParagraph) html.Append("</p>");
        return html.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A non-blank line that is a paragraph's text wherever it stands: not indented as code (a tab or four
    /// spaces), not a heading, list item, thematic break or setext underline (<c>#</c>, <c>-</c>, <c>1.</c>,
    /// <c>1)</c>), no hard break (two trailing spaces) and no trailing tab (kept before a line break, dropped at a
    /// paragraph's end).
    /// </summary>
    private static bool IsPlainProseLine(string line)
    {
        var indent = line.Length - line.AsSpan().TrimStart(' ').Length;
        if (indent >= 4 || line[indent] == '\t') return false;
        if (line.EndsWith("  ", StringComparison.Ordinal) || line.EndsWith('\t')) return false;
        var first = line[indent];
        if (first is '-' or '#') return false;
        if (char.IsAsciiDigit(first))
        {
            var afterDigits = line.AsSpan(indent).TrimStart("0123456789");
            if (afterDigits.IsEmpty || afterDigits[0] is '.' or ')') return false;
        }
        return true;
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
