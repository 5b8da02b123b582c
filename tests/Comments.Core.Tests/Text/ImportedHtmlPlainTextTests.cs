using Comments.Core.Text;

namespace Comments.Core.Tests.Text;

/// <summary>
/// An import skips the sanitizer for plain text (<see cref="CommentRenderer.IsPlainText"/>): the HTML it stores must be
/// exactly what the sanitizer would have written, for every character the shortcut lets through.
/// </summary>
public class ImportedHtmlPlainTextTests
{
    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void Every_character_the_shortcut_takes_renders_exactly_as_the_sanitizer_renders_it()
    {
        var taken = 0;
        var mismatches = new List<string>();
        for (var code = 0; code <= 0xFFFF; code++)
        {
            if (char.IsSurrogate((char)code)) continue;
            var text = $"a{(char)code}b\n\n{(char)code}c";
            if (!CommentRenderer.IsPlainText(text)) continue;
            taken++;
            var shortcut = _renderer.RenderImportedHtml(text);
            var parsed = _renderer.RenderImportedHtml(text, parseAlways: true);
            if (shortcut != parsed) mismatches.Add($"U+{code:X4}: {shortcut} ≠ {parsed}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(taken > 60_000, $"only {taken} characters take the shortcut");
    }

    [Fact]
    public void Characters_beyond_the_first_plane_that_the_shortcut_takes_render_as_the_sanitizer_renders_them()
    {
        var mismatches = new List<string>();
        var codes = Enumerable.Range(1, 16).SelectMany(plane => new[] { plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF })
            .Concat(Enumerable.Range(0, 0x1000).Select(i => 0x10000 + i * 0xFF));
        foreach (var code in codes)
        {
            var text = $"a{char.ConvertFromUtf32(code)}b";
            if (!CommentRenderer.IsPlainText(text)) continue;
            if (_renderer.RenderImportedHtml(text) != _renderer.RenderImportedHtml(text, parseAlways: true)) mismatches.Add($"U+{code:X5}");
        }
        Assert.True(mismatches.Count == 0, string.Join(", ", mismatches));
    }

    [Fact]
    public void An_unpaired_surrogate_goes_through_the_sanitizer() =>
        Assert.False(CommentRenderer.IsPlainText("lone " + '\uD83D' + " surrogate"));

    [Theory]
    [InlineData("Plain words, ünïcödé, 日本語, \"quotes\" and 'apostrophes' 😀 👍🏽.")]
    [InlineData("  leading and trailing space  \n\n\n second paragraph\nwith a line break \t tab  ")]
    [InlineData("Comment 12 on post 3. A sentence or two of ordinary text; ünïcödé too.")]
    public void Plain_comments_take_the_shortcut_and_match_the_sanitizer(string text)
    {
        Assert.True(CommentRenderer.IsPlainText(text));
        Assert.Equal(_renderer.RenderImportedHtml(text, parseAlways: true), _renderer.RenderImportedHtml(text));
    }

    [Theory]
    [InlineData("a < b")]
    [InlineData("x &amp; y")]
    [InlineData("<em>hi</em>")]
    [InlineData("no\u00A0break")]
    [InlineData("carriage\rreturn")]
    public void Markup_entities_and_characters_the_parser_rewrites_go_through_the_sanitizer(string text) =>
        Assert.False(CommentRenderer.IsPlainText(text));
}
