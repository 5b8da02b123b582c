using Comments.Core.Text;
using Comments.Scoring.Model;

namespace Comments.Scoring.Tests.Model;

public sealed class TermRankingTests
{
    [Fact]
    public void Terms_are_ranked_by_contribution_named_once_and_the_earlier_word_wins_a_tie()
    {
        const string text = "Spam offer the OFFER cheap pills";
        var tokens = new TokenList();
        EvasionFolder.Fold(text, tokens);
        float[] byToken = [1, 3, 5, 3, 2, 2]; // "the" is a stop word, however much it adds
        var byMeta = new float[8];
        byMeta[2] = 2.5f; // the one-link signal (MetaFeature.OneLink = -2)

        var terms = TermRanking.Top(byToken, byMeta, tokens, text, 4);

        Assert.Equal(["offer", "[link]", "cheap", "pills"], terms);
    }
}
