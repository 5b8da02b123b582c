using Comments.Core.Text;
using Comments.Training.Perturbation;

namespace Comments.Training.Tests;

public class PerturberTests
{
    private const string Sentence = "you are a complete idiot and nobody wants your stupid opinion here";

    [Fact]
    public void The_same_seed_and_row_give_the_same_copy()
    {
        Assert.Equal(new Perturber(7).Perturb(Sentence, 3), new Perturber(7).Perturb(Sentence, 3));
        Assert.NotEqual(new Perturber(7).Perturb(Sentence, 3), new Perturber(7).Perturb(Sentence, 4));
    }

    [Theory]
    [InlineData(Perturber.Technique.Leet)]
    [InlineData(Perturber.Technique.Separators)]
    [InlineData(Perturber.Technique.Repeats)]
    [InlineData(Perturber.Technique.Homoglyphs)]
    [InlineData(Perturber.Technique.ZeroWidth)]
    [InlineData(Perturber.Technique.FullWidth)]
    public void Every_technique_changes_the_text_and_folding_undoes_most_of_it(Perturber.Technique technique)
    {
        var perturbed = new Perturber(1).Perturb(Sentence, 0, technique);
        Assert.NotEqual(Sentence, perturbed);

        var clean = Folded(Sentence);
        var recovered = Folded(perturbed);
        var kept = clean.Count(recovered.Contains) / (double)clean.Count;
        Assert.True(kept >= 0.8, $"{technique}: only {kept:P0} of the words survive folding in \"{perturbed}\"");
    }

    private static List<string> Folded(string raw)
    {
        var tokens = new Comments.Core.Text.TokenList();
        Comments.Core.Text.EvasionFolder.Fold(TextNormalizer.Normalize(raw), tokens);
        return Enumerable.Range(0, tokens.Count).Select(i => tokens.Folded(i).ToString()).ToList();
    }
}
