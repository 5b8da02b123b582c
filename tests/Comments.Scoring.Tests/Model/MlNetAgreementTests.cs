using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Model;

namespace Comments.Scoring.Tests.Model;

public class MlNetAgreementTests
{
    [Theory]
    [InlineData("spam")]
    [InlineData("toxicity")]
    public void The_direct_weights_path_matches_the_ml_net_prediction_engine(string kind)
    {
        var path = Path.Combine(RepoPaths.Models, kind + ".zip");
        var model = ModelFile.Load(path);
        var pool = new PredictionEnginePool(ModelFile.LoadTransformer(path, out _));
        var buffer = new FeatureBuffer();
        foreach (var raw in new[] { "", "ok", "You are a complete 1d10t!!!", "Check out my channel http://spam.example and subscribe", "I respectfully disagree with the council's decision on parking." })
        {
            TextFeaturizer.Featurize(TextNormalizer.Normalize(raw), buffer);
            var expected = pool.Predict(new FeatureVector { Features = FeatureVector.From(buffer) }).Probability;
            Assert.Equal(expected, model.Probability(buffer), 5);
        }
    }
}
