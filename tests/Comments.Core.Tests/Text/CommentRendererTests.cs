using Comments.Core.Text;

namespace Comments.Core.Tests.Text;

public class CommentRendererTests
{
    private readonly CommentRenderer _renderer = new();

    [Fact]
    public void Markdown_emphasis_code_and_quotes_render() =>
        Assert.Equal("<p><strong>bold</strong> <em>it</em> <code>x &lt; y</code></p>", _renderer.Render("**bold** *it* `x < y`"));

    [Fact]
    public void Raw_html_is_shown_as_text_never_as_markup()
    {
        var html = _renderer.Render("<script>alert(1)</script><iframe src=x></iframe>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](data:text/html;base64,AAAA)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("![img](https://example.com/a.png)")]
    public void Links_and_images_that_are_not_http_https_or_mailto_lose_their_target(string markdown)
    {
        var html = _renderer.Render(markdown);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
        Assert.DoesNotContain("vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Links_get_nofollow_ugc_noopener() =>
        Assert.Equal("<p><a href=\"https://example.com/\" rel=\"nofollow ugc noopener\">site</a></p>",
            _renderer.Render("[site](https://example.com/)"));

    [Fact]
    public void Bare_urls_become_links() =>
        Assert.Contains("<a href=\"http://example.com\" rel=\"nofollow ugc noopener\">", _renderer.Render("see http://example.com now"));
}
