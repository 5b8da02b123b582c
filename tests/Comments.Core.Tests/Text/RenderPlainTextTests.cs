using System.Text.Json;
using Comments.Core.Text;

namespace Comments.Core.Tests.Text;

/// <summary>
/// <see cref="CommentRenderer.Render(string)"/> lays plain prose out without Markdig and the sanitizer
/// (<see cref="CommentRenderer.TryRenderPlainProse"/>): the HTML it stores must be exactly what the full path
/// would have written, for every character and every real comment the shortcut takes.
/// </summary>
public class RenderPlainTextTests(ITestOutputHelper output)
{
    private static readonly string[] Templates = ["a{c}b", "{c} at start\n\nsecond {c}", "line\n{c}", "a{c}\nb", "  {c} \n {c}\n\n\n"];

    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void Every_character_the_shortcut_takes_renders_exactly_as_the_full_path_renders_it()
    {
        var taken = 0;
        var mismatches = new List<string>();
        for (var code = 0; code <= 0xFFFF; code++)
        {
            if (char.IsSurrogate((char)code)) continue;
            foreach (var template in Templates)
            {
                var text = template.Replace("{c}", ((char)code).ToString());
                if (CommentRenderer.TryRenderPlainProse(text) is not { } shortcut) continue;
                taken++;
                var full = _renderer.Render(text, parseAlways: true);
                if (shortcut != full) mismatches.Add($"U+{code:X4} in {JsonSerializer.Serialize(text)}: {JsonSerializer.Serialize(shortcut)} ≠ {JsonSerializer.Serialize(full)}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(50)));
        Assert.True(taken > 60_000 * Templates.Length, $"only {taken} texts take the shortcut");
    }

    [Fact]
    public void Characters_beyond_the_first_plane_that_the_shortcut_takes_render_as_the_full_path_renders_them()
    {
        var taken = 0;
        var mismatches = new List<string>();
        var codes = Enumerable.Range(1, 16).SelectMany(plane => new[] { plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF })
            .Concat(Enumerable.Range(0, 0x1000).Select(i => 0x10000 + i * 0xFF));
        foreach (var code in codes)
        {
            var text = $"{char.ConvertFromUtf32(code)} a{char.ConvertFromUtf32(code)}b\n{char.ConvertFromUtf32(code)}";
            if (CommentRenderer.TryRenderPlainProse(text) is not { } shortcut) continue;
            taken++;
            if (shortcut != _renderer.Render(text, parseAlways: true)) mismatches.Add($"U+{code:X5}");
        }
        Assert.True(mismatches.Count == 0, string.Join(", ", mismatches));
        Assert.True(taken > 4_000, $"only {taken} characters take the shortcut");
    }

    [Theory]
    [InlineData("Plain words, ünïcödé, 日本語, \"quotes\" and 'apostrophes' 😀 👍🏽.", "<p>Plain words, ünïcödé, 日本語, \"quotes\" and 'apostrophes' 😀 👍🏽.</p>")]
    [InlineData("\n  first line \nsecond\t line\n \t \n\n   next paragraph\n\n", "<p>first line<br>\nsecond\t line</p>\n<p>next paragraph</p>")]
    [InlineData("@anna wow! mail me at me@example.com #1", "<p>@anna wow! mail me at me@example.com #1</p>")]
    [InlineData("Is 3 > 2? Yes.", null)]
    [InlineData("#1 fan", null)]
    [InlineData("wow ![x](y)", null)]
    [InlineData("a *word*", null)]
    [InlineData("see www.example.com", null)]
    [InlineData("call tel:123", null)]
    [InlineData("list:\n- one", null)]
    [InlineData("2020. A year", null)]
    [InlineData("    indented code", null)]
    [InlineData("hard  \nbreak", null)]
    [InlineData("tab\t\nbefore a break", null)]
    public void Plain_prose_takes_the_shortcut_and_anything_that_may_be_Markdown_does_not(string text, string? shortcut)
    {
        Assert.Equal(shortcut, CommentRenderer.TryRenderPlainProse(text));
        Assert.Equal(_renderer.Render(text, parseAlways: true), _renderer.Render(text));
    }

    /// <summary>
    /// The eight shared corpora, each with the share of its texts that took the shortcut when it was written
    /// (December 2026), less two points.
    /// </summary>
    public static readonly TheoryData<string, double> Corpora = new()
    {
        { "spam/youtube-spam-collection.jsonl", 0.68 },
        { "spam/sms-spam-collection.jsonl", 0.83 },
        { "spam/stackexchange-smokedetector.jsonl", 0.90 },
        { "toxicity/civil-comments-toxic-spans.jsonl", 0.90 },
        { "toxicity/davidson-hate-offensive.jsonl", 0.61 },
        { "toxicity/jigsaw-toxic-2018-subset.jsonl", 0.77 },
        { "toxicity/olid-offenseval-2019.jsonl", 0.85 },
        { "toxicity/reddit-counterspeech.jsonl", 0.89 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Every_corpus_text_the_shortcut_takes_renders_exactly_as_the_full_path_renders_it(string corpus, double minShareTaken)
    {
        var texts = CorpusTexts(RepoPaths.CorpusOrSkip(corpus)).Take(20_000).ToList();
        var taken = 0;
        var mismatches = new List<string>();
        foreach (var text in texts)
        {
            if (CommentRenderer.TryRenderPlainProse(text) is not { } shortcut) continue;
            taken++;
            var full = _renderer.Render(text, parseAlways: true);
            if (shortcut != full) mismatches.Add($"{JsonSerializer.Serialize(text)}: {JsonSerializer.Serialize(shortcut)} ≠ {JsonSerializer.Serialize(full)}");
        }
        var share = (double)taken / texts.Count;
        output.WriteLine($"{corpus}: {taken} of {texts.Count} texts ({share:P1}) take the shortcut");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(20)));
        Assert.True(share >= minShareTaken, $"{corpus}: {share:P1} of texts take the shortcut (floor {minShareTaken:P0})");
    }

    internal static IEnumerable<string> CorpusTexts(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            return row.RootElement.GetProperty("text").GetString()!;
        });
}
