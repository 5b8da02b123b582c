using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Model;

namespace Comments.Training.Evaluation;

/// <summary>Scores raw texts exactly as the service does: normalise, featurize, linear model.</summary>
public static class RowScorer
{
    public static double[] Score(LinearTextModel model, IEnumerable<string> rawTexts)
    {
        var buffer = new FeatureBuffer();
        return rawTexts.Select(text =>
        {
            TextFeaturizer.Featurize(TextNormalizer.Normalize(text), buffer);
            return model.Probability(buffer);
        }).ToArray();
    }
}
