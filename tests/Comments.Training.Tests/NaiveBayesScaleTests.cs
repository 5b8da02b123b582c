using Comments.Scoring.Features;
using Comments.Scoring.Model;
using Comments.Training.Cli;
using Comments.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Comments.Training.Tests;

public sealed class NaiveBayesScaleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("comments-nb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TrainingRow Row(bool label, params int[] slots) => new()
    {
        Label = label,
        Weight = 1,
        Features = new VBuffer<float>(FeatureSpec.Dimension, slots.Length, slots.Select(_ => 1f).ToArray(), slots),
    };

    [Fact]
    public void A_slot_seen_in_one_class_only_is_scaled_up_and_one_seen_in_both_alike_is_scaled_down()
    {
        TrainingRow[] rows = [Row(true, 1, 3), Row(true, 1, 3), Row(false, 2, 3), Row(false, 2, 3)];
        var scale = NaiveBayesScale.Compute(rows, alpha: 1, beta: 0.75);
        Assert.True(scale[1] > 1, $"positive-only slot {scale[1]}");
        Assert.Equal(scale[1], scale[2], 4); // |ratio| is symmetric between the classes
        Assert.True(scale[3] < 1, $"slot in both classes {scale[3]}");
        Assert.All(scale, s => Assert.True(s >= 0.05f));
        Assert.All(NaiveBayesScale.Compute(rows, alpha: 1, beta: 0), s => Assert.Equal(1f, s));
    }

    [Fact]
    public void The_ml_net_normalizer_built_from_the_scales_multiplies_each_slot_by_its_scale()
    {
        var scale = Enumerable.Range(0, FeatureSpec.Dimension).Select(i => 0.05f + i % 97 / 10f).ToArray();
        var context = new MLContext(seed: 1);
        var normalizer = context.Transforms.NormalizeMinMax(nameof(TrainingRow.Features), fixZero: true)
            .Fit(context.Data.LoadFromEnumerable(NaiveBayesScale.AsNormalizerInput(scale)));
        var row = Row(true, 0, 5, 96, 1000);
        var output = normalizer.Transform(context.Data.LoadFromEnumerable([row]));
        var scaled = output.GetColumn<VBuffer<float>>(nameof(TrainingRow.Features)).Single();
        foreach (var slot in new[] { 0, 5, 96, 1000 })
            Assert.Equal(scale[slot], scaled.GetItemOrDefault(slot), 5);
    }

    [Fact]
    public void A_trained_file_keeps_its_scales_in_ml_net_and_serving_folds_them_into_the_weights()
    {
        var data = GeneratedCorpus.Write(_directory);
        var exit = CommandLine.Run(["train", "--kind", "spam", "--data", data, "--out", _directory], TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, exit);
        var path = Path.Combine(_directory, "spam.zip");

        var chain = Assert.IsType<TransformerChain<ITransformer>>(ModelFile.LoadTransformer(path, out _), exactMatch: false);
        Assert.Contains(chain, t => t is Microsoft.ML.Transforms.NormalizingTransformer);

        // The folded direct path must agree with ML.NET running the whole chain.
        var model = ModelFile.Load(path);
        var pool = new PredictionEnginePool(chain);
        var buffer = new FeatureBuffer();
        foreach (var text in new[] { "win a free prize now", "thanks for the thoughtful article" })
        {
            TextFeaturizer.Featurize(text, buffer);
            Assert.Equal(pool.Predict(new FeatureVector { Features = FeatureVector.From(buffer) }).Probability, model.Probability(buffer), 5);
        }
    }
}
