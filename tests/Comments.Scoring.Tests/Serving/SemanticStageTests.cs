using Comments.Scoring.Semantic;
using Comments.Scoring.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comments.Scoring.Tests.Serving;

/// <summary>The semantic stage's parts that need no trained head: the real MiniLM encoder, the combination and the switch.</summary>
public sealed class SemanticStageTests
{
    [Fact]
    public void The_encoder_gives_unit_vectors_that_put_sentences_about_the_same_thing_closer()
    {
        using var embedder = new SentenceEmbedder();

        var support = embedder.Embed("Call our antivirus customer support helpline now for help with your account");
        var helpline = embedder.Embed("Printer tech support phone number, call the toll free helpline 24/7");
        var garden = embedder.Embed("My tomatoes did well this year despite the dry summer");

        Assert.Equal(SentenceEmbedder.Dimension, support.Length);
        Assert.Equal(1.0, Math.Sqrt(support.Sum(x => (double)x * x)), 3);
        Assert.True(Dot(support, helpline) > Dot(support, garden) + 0.2, $"{Dot(support, helpline):0.00} vs {Dot(support, garden):0.00}");
    }

    [Fact]
    public void A_long_comment_is_cut_before_it_is_embedded()
    {
        var text = new string('a', SentenceEmbedder.MaxCharacters + 100);
        Assert.Equal(SentenceEmbedder.MaxCharacters, SentenceEmbedder.Input(text).Length);
    }

    [Theory]
    [InlineData(0.9, 0.9, 0.9)]
    [InlineData(0.5, 0.9, 0.75)]
    [InlineData(0.1, 0.9, 0.5)]
    public void Combine_averages_in_logit_space(double fast, double semantic, double expected) =>
        Assert.Equal(expected, SemanticHead.Combine(fast, semantic), 2);

    [Fact]
    public void The_stage_is_off_unless_the_setting_turns_it_on()
    {
        using var scorer = ScorerFactory.Shipped();
        Assert.Null(scorer.Semantic);
    }

    [Fact]
    public void When_on_only_the_comments_the_cascade_picks_pay_for_the_embedding_and_their_version_names_the_heads()
    {
        using var scorer = new CommentScorer(
            Options.Create(new ScoringOptions { ModelDirectory = RepoPaths.Models, WatchModelFiles = false, SemanticStage = true }),
            NullLogger<CommentScorer>.Instance, new ModelDirectory(RepoPaths.Models));
        var stage = scorer.Semantic;
        Assert.NotNull(stage);

        var plain = scorer.Score("Thanks for the write-up, the photos of the old station are lovely.");
        Assert.Equal(0, stage.Scored);
        Assert.DoesNotContain("semantic", plain.ModelVersion);

        var linked = scorer.Score("The council published the full budget at https://council.example.gov/budget-2026 if anyone wants to check.");
        Assert.Equal(1, stage.Scored);
        Assert.Contains("+spam.semantic-", linked.ModelVersion);
        Assert.InRange(linked.Spam!.Value, 0, 1);
        Assert.StartsWith(scorer.ModelVersion, linked.ModelVersion);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
