using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Comments.Core.Text;

/// <summary>
/// A comment has no headings: a line written as one ("# Update", or a line underlined with === or ---) is
/// rendered as the paragraph it is, with its inline Markdown, instead of an h1–h6 the sanitizer would drop with its text.
/// </summary>
internal sealed class HeadingsAsParagraphs : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html) html.ObjectRenderers.Replace<HeadingRenderer>(new ParagraphRenderer());
    }

    private sealed class ParagraphRenderer : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            renderer.EnsureLine();
            renderer.Write("<p>");
            renderer.WriteLeafInline(heading);
            renderer.WriteLine("</p>");
        }
    }
}
