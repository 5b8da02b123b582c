using Comments.Core.Sites;
using Comments.Scoring.Serving;
using Comments.Scoring.Tests.Serving;
using Comments.Training.Data;
using Comments.Training.Evaluation;

namespace Comments.Scoring.Tests.Policy;

/// <summary>
/// The decision tables of models/README.md as CI floors: every `test` split of the shared
/// corpora through the shipped models and the service's own rules at the default site settings,
/// as a new author. The bounds sit a little outside the reported numbers, so a change that holds
/// more legitimate comments, or publishes more of the harmful ones, fails here. Skipped (failing
/// under CI) when ../shared/data is absent.
/// </summary>
public sealed class DecisionFloorTests : IDisposable
{
    private readonly CommentScorer _scorer = ScorerFactory.Shipped();

    public void Dispose() => _scorer.Dispose();

    [Theory]
    // corpus, most label-0 rows held, most label-1 rows published, fewest label-1 rows in the spam folder
    [InlineData("spam/youtube-spam-collection.jsonl", 0.05, 0.17, 0.73)]
    [InlineData("spam/sms-spam-collection.jsonl", 0.05, 0.07, 0.86)]
    [InlineData("spam/stackexchange-smokedetector.jsonl", 0.035, 0.47, 0.46)]
    [InlineData("toxicity/jigsaw-toxic-2018-subset.jsonl", 0.055, 0.42, 0)]
    [InlineData("toxicity/davidson-hate-offensive.jsonl", 0.18, 0.06, 0)]
    [InlineData("toxicity/civil-comments-toxic-spans.jsonl", 0.54, 0.29, 0)]
    [InlineData("toxicity/olid-offenseval-2019.jsonl", 0.11, 0.58, 0)]
    [InlineData("toxicity/reddit-counterspeech.jsonl", 0.14, 0.66, 0)]
    public void A_new_author_s_decisions_on_the_test_split_stay_within_the_model_card(string corpus, double maxLegitimateHeld, double maxHarmfulPublished, double minHarmfulToSpam)
    {
        var rows = LabelledFile.Read(RepoPaths.CorpusOrSkip(corpus)).Where(r => r.Split == "test").ToList();

        var decided = DecisionEvaluator.Evaluate(_scorer, new SiteOptions { Id = "floors" }, rows).NewAuthor;

        var held = decided.Negative.Pending + decided.Negative.Spam;
        Assert.True(held <= maxLegitimateHeld, $"{corpus}: {held:P1} of legitimate comments held (card bound {maxLegitimateHeld:P1}); held by {string.Join(", ", decided.Negative.HeldBy)}");
        Assert.True(decided.Positive.Published <= maxHarmfulPublished, $"{corpus}: {decided.Positive.Published:P1} of label-1 comments published (bound {maxHarmfulPublished:P1})");
        Assert.True(decided.Positive.Spam >= minHarmfulToSpam, $"{corpus}: {decided.Positive.Spam:P1} of label-1 comments in the spam folder (floor {minHarmfulToSpam:P1})");
    }
}
