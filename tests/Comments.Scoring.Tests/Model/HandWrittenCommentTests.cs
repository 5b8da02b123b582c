using Comments.Core.Text;
using Comments.Scoring.Serving;
using Comments.Scoring.Tests.Serving;

namespace Comments.Scoring.Tests.Model;

/// <summary>Comments written for these tests (never in any corpus), judged against the recommended thresholds.</summary>
public sealed class HandWrittenCommentTests : IDisposable
{
    private readonly CommentScorer _scorer = ScorerFactory.Shipped();

    public void Dispose() => _scorer.Dispose();

    private Core.Scoring.CommentScores Score(string raw) => _scorer.Score(TextNormalizer.Normalize(raw));

    /// <summary>Link spam whose words are spam too (not only its link).</summary>
    public static TheoryData<string> WordySpam => new()
    {
        "Make $5000 a week working from home!!! Click here http://easy-cash.example and subscribe to my channel",
        "check out my new video and subscribe please http://youtube.example/watch?v=abc thanks!!",
    };

    [Theory]
    [MemberData(nameof(WordySpam))]
    [InlineData("BEST CHEAP VIAGRA ONLINE www.pills-shop.example FREE SHIPPING")]
    public void Obvious_link_spam_is_scored_as_spam(string comment)
    {
        var scores = Score(comment);
        Assert.True(scores.Spam >= RecommendedThresholds.Spam, $"spam {scores.Spam:0.000} for: {comment}");
        Assert.NotEmpty(scores.SpamTerms);
    }

    [Theory]
    [MemberData(nameof(WordySpam))]
    public void Link_spam_whose_words_are_spam_stays_spam_without_its_link(string comment)
    {
        // So the decision sends it to the spam folder rather than to a moderator.
        var scores = Score(comment);
        Assert.True(scores.SpamWithoutLinks >= RecommendedThresholds.Spam, $"spam without links {scores.SpamWithoutLinks:0.000} for: {comment}");
    }

    [Theory]
    [InlineData("Great piece. I wrote about the same parking problem last year: https://myblog.example.com/parking-fees")]
    [InlineData("See https://en.wikipedia.org/wiki/Congestion_pricing for how Stockholm did it.")]
    [InlineData("The council minutes are at www.council.example.gov/minutes if anyone wants to check.")]
    [InlineData("I disagree, the figures at https://www.ons.gov.uk/ say otherwise.")]
    public void An_ordinary_comment_with_a_link_is_not_spam_without_it(string comment)
    {
        // The spam corpora have links almost only in spam, so the link alone may score high
        // (models/README.md, known weaknesses); without it the comment must read as ordinary.
        var scores = Score(comment);
        Assert.True(scores.SpamWithoutLinks < RecommendedThresholds.Spam, $"spam {scores.Spam:0.000}, without links {scores.SpamWithoutLinks:0.000} for: {comment}");
        Assert.True(scores.Toxicity < RecommendedThresholds.ToxicityHold, $"toxicity {scores.Toxicity:0.000} for: {comment}");
    }

    [Theory]
    [InlineData("You are a fucking idiot and everyone here hates you")]
    [InlineData("shut up you stupid bitch")]
    [InlineData("What a worthless piece of shit you are, go kill yourself")]
    public void Obvious_abuse_is_held(string comment)
    {
        var scores = Score(comment);
        Assert.True(scores.Toxicity >= RecommendedThresholds.ToxicityHold, $"toxicity {scores.Toxicity:0.000} for: {comment}");
    }

    [Theory]
    [InlineData("You are a f.u.c.k.i.n.g 1d10t", "1d10t")]
    [InlineData("shut up you stup1d b1tch", "b1tch")]
    [InlineData("what a worthless piece of sh!t", "sh!t")]
    [InlineData("you are a fuuuuucking ιdιοτ", "ιdιοτ")]
    [InlineData("ｓｈｕｔ ｕｐ ｙｏｕ ｉｄｉｏｔ", "idiot")]
    [InlineData("you s-t-u-p-i-d m-o-r-o-n", "m-o-r-o-n")]
    public void Obfuscated_abuse_is_held_and_the_disguised_word_is_named(string comment, string shownTerm)
    {
        var scores = Score(comment);
        Assert.True(scores.Toxicity >= RecommendedThresholds.ToxicityHold, $"toxicity {scores.Toxicity:0.000} for: {comment}");
        Assert.Contains(shownTerm, scores.ToxicTerms);
    }

    [Theory]
    [InlineData("I respectfully disagree with the author. The numbers from 2019 don't support the claim about parking.")]
    [InlineData("Thanks for writing this, though I think you underestimate how expensive the new tram line will be.")]
    [InlineData("That's not what the report says at all. Please read page 12 before drawing conclusions.")]
    [InlineData("I was at the meeting and the mayor never promised that. You might want to check your sources.")]
    [InlineData("Good point about the schools, but the budget problem is older than this council.")]
    public void Ordinary_disagreement_is_neither_held_nor_spam(string comment)
    {
        var scores = Score(comment);
        Assert.True(scores.Toxicity < RecommendedThresholds.ToxicityHold, $"toxicity {scores.Toxicity:0.000} for: {comment}");
        Assert.True(scores.Spam < RecommendedThresholds.SpamHold, $"spam {scores.Spam:0.000} for: {comment}");
    }

    [Fact]
    public void The_words_shown_to_a_moderator_are_never_stop_words()
    {
        // Before: "would" and "about" were among the words that raised the score most.
        var scores = Score("What would you know about it, you are a pathetic idiot and a moron");
        Assert.NotEmpty(scores.ToxicTerms);
        foreach (var stopWord in new[] { "would", "about", "are", "a", "and", "it", "what" })
            Assert.DoesNotContain(stopWord, scores.ToxicTerms, StringComparer.OrdinalIgnoreCase);
    }
}
