using Comments.Core.Text;

namespace Comments.Scoring.Tests.Text;

public class EvasionFolderTests
{
    private static List<string> Fold(string raw)
    {
        var tokens = new TokenList();
        EvasionFolder.Fold(TextNormalizer.Normalize(raw), tokens);
        return Enumerable.Range(0, tokens.Count).Select(i => tokens.Folded(i).ToString()).ToList();
    }

    [Theory]
    [InlineData("You IDIOT", "you idiot")]
    [InlineData("you 1d10t", "you idiot")]
    [InlineData("sh!t and $hit and @sshole", "shit and shit and asshole")]
    [InlineData("f u c k you", "fuck you")]
    [InlineData("f.u.c.k you", "fuck you")]
    [InlineData("f-u-c-k you", "fuck you")]
    [InlineData("f*u*c*k you", "fuck you")]
    [InlineData("fuuuuuck you", "fuck you")]
    [InlineData("іdіоt", "idiot")]
    [InlineData("ιdιοτ", "idiot")]
    [InlineData("ｉｄｉｏｔ", "idiot")]
    [InlineData("i\u200Bd\u200Bi\u200Bo\u200Bt", "idiot")]
    [InlineData("stüpid", "stupid")]
    [InlineData("you s-t-u-p-i-d m-o-r-o-n", "you stupid moron")]
    [InlineData("s t u p i d m o r o n", "stupidmoron")]
    [InlineData("you are a s t u p i d", "you are a stupid")]
    [InlineData("what a l o s e r", "what a loser")]
    [InlineData("I h a t e you", "i hate you")]
    [InlineData("you are an a s s", "you are an ass")]
    [InlineData("you a s s", "you ass")]
    [InlineData("i d i o t", "idiot")]
    public void Evasive_spellings_fold_to_the_plain_word(string raw, string expected) =>
        Assert.Equal(expected.Split(' '), Fold(raw));

    [Fact]
    public void Plain_numbers_stay_numbers_while_digits_inside_words_become_letters() =>
        Assert.Equal(["call", "08002986030", "now", "ba"], Fold("Call 08002986030 now b4"));

    [Fact]
    public void Ordinary_single_letter_words_are_not_joined() =>
        Assert.Equal(["i", "think", "a", "good", "point"], Fold("I think a good point"));

    [Fact]
    public void Each_token_points_at_the_text_it_came_from()
    {
        var text = TextNormalizer.Normalize("you f.u.c.k 1d10t!");
        var tokens = new TokenList();
        EvasionFolder.Fold(text, tokens);
        var sources = Enumerable.Range(0, tokens.Count).Select(i => { var (s, l) = tokens.Source(i); return text.Substring(s, l); });
        Assert.Equal(["you", "f.u.c.k", "1d10t"], sources);
    }
}
