using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comments.Core.Text;

namespace Comments.Core.Tests.Text;

/// <summary>
/// Rendering never drops a reader's words: the sanitizer removes an element it does not allow together with its text,
/// so Markdown that makes such an element (a heading, a superscript) used to lose them.
/// </summary>
public partial class RenderKeepsWordsTests(ITestOutputHelper output)
{
    private readonly CommentRenderer _renderer = new();

    [Theory]
    [InlineData("# Update\nI was wrong.", "<p>Update</p>\n<p>I was wrong.</p>")]
    [InlineData("## **Big** news", "<p><strong>Big</strong> news</p>")]
    [InlineData("Setext title\n===\nbody", "<p>Setext title</p>\n<p>body</p>")]
    [InlineData("Dashed title\n---\nbody", "<p>Dashed title</p>\n<p>body</p>")]
    [InlineData("2^10^ is 1024", "<p>2^10^ is 1024</p>")]
    [InlineData("H~2~O and ~~struck~~", "<p>H~2~O and <del>struck</del></p>")]
    [InlineData("++inserted++ and ==marked==", "<p>++inserted++ and ==marked==</p>")]
    public void Markdown_the_allowlist_has_no_element_for_renders_as_text(string markdown, string html) =>
        Assert.Equal(html, _renderer.Render(markdown));

    public static TheoryData<string> Corpora => new(RenderPlainTextTests.Corpora.Select(row => row.Data.Item1));

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Every_word_of_a_corpus_text_is_in_its_rendered_html(string corpus)
    {
        var losing = new List<string>();
        var checkedTexts = 0;
        foreach (var text in RenderPlainTextTests.CorpusTexts(RepoPaths.CorpusOrSkip(corpus)).Take(20_000))
        {
            // A Markdown link or image shows its text, not its target: the target's words are in an attribute or gone.
            if (text.Contains("](", StringComparison.Ordinal)) continue;
            checkedTexts++;
            var shown = WebUtility.HtmlDecode(Tag().Replace(_renderer.Render(text), " "));
            var lost = Word().Matches(FenceInfo().Replace(Entity().Replace(text, " "), " ")).Select(m => m.Value)
                .Where(word => !shown.Contains(word, StringComparison.Ordinal)).Distinct().ToList();
            if (lost.Count > 0) losing.Add($"{JsonSerializer.Serialize(text)} lost {string.Join(", ", lost)}");
        }
        output.WriteLine($"{corpus}: {checkedTexts} texts checked, {losing.Count} lost words");
        Assert.True(losing.Count == 0, $"{losing.Count} texts lost words:\n" + string.Join("\n", losing.Take(20)));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    /// <summary>What follows a code fence's opening (<c>```python</c>) is its info string, by CommonMark: not shown.</summary>
    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,}).*$", RegexOptions.Multiline)]
    private static partial Regex FenceInfo();

    /// <summary>An HTML entity in the text (<c>&amp;amp;</c>) is shown as its character.</summary>
    [GeneratedRegex(@"&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();
}
