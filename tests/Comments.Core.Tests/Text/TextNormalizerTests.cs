using Comments.Core.Text;

namespace Comments.Core.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ｆｕｌｌ　ｗｉｄｔｈ", "full width")]
    [InlineData("zero\u200Bwidth\u200Djoin\uFEFF", "zerowidthjoin")]
    [InlineData("bidi \u202Eevil\u202C text", "bidi evil text")]
    [InlineData("  lots \t\n of   space  ", "lots of space")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("ﬁ ligature", "fi ligature")]
    public void Normalize_folds_what_evasion_and_layout_hide(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_keeps_ordinary_text_and_emoji_as_they_are() =>
        Assert.Equal("Great point 👍 — thanks!", TextNormalizer.Normalize("Great point 👍 — thanks!"));
}
