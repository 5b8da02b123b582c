using Comments.Core.Text;
using Comments.Core.Comments;
using Comments.Core.Rules;
using Comments.Core.Sites;
using static Comments.Core.Tests.Rules.RuleTestKit;

namespace Comments.Core.Tests.Rules;

public class RuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_filled_honeypot_is_spam_and_an_empty_one_decides_nothing()
    {
        Assert.Equal(CommentStatus.Spam, await new HoneypotRule().DecideAsync(Context("hi", honeypot: "http://bot"), Ct));
        Assert.Null(await new HoneypotRule().DecideAsync(Context("hi"), Ct));
    }

    [Fact]
    public async Task Blocked_words_are_spam_and_suspect_words_are_held_matching_whole_words_only()
    {
        var site = new SiteOptions { BlockedWords = ["viagra"], SuspectWords = ["crypto"] };
        var rule = new WordListRule();

        var blocked = Context("cheap VIAGRA here", site);
        Assert.Equal(CommentStatus.Spam, await rule.DecideAsync(blocked, Ct));
        Assert.Equal("rule.blocked_word", Assert.Single(blocked.Reasons).Code);
        Assert.Equal(CommentStatus.Pending, await rule.DecideAsync(Context("my crypto tips", site), Ct));
        Assert.Null(await rule.DecideAsync(Context("cryptography is fun", site), Ct));
    }

    [Fact]
    public async Task Blocked_words_match_through_fullwidth_and_zero_width_tricks()
    {
        var site = new SiteOptions { BlockedWords = ["casino"] };
        Assert.Equal(CommentStatus.Spam, await new WordListRule().DecideAsync(Context("best ｃａｓｉｎｏ online", site), Ct));
        Assert.Equal(CommentStatus.Spam, await new WordListRule().DecideAsync(Context("best cas\u200Bino online", site), Ct));
    }

    [Theory]
    [InlineData("no links here", 0)]
    [InlineData("see https://a.example and http://b.example/x", 2)]
    [InlineData("visit www.example.com now", 1)]
    [InlineData("https://a.example/www.b.example", 1)]
    [InlineData("join us at t.me/cheapcoins for signals", 1)]
    [InlineData("short: bit.ly/3xYz and example.co.uk/page", 2)]
    [InlineData("and/or 1.5/2 e.g./i.e. Amazon.com is big", 0)]
    [InlineData("glued:seehttp://a.example/x and (www.b.example)", 2)] // "http" starts an address inside a word too
    [InlineData("a.b c/d http://a.example", 1)] // dots and slashes in earlier words, the address last
    public void Links_are_counted_once_each(string text, int links) => Assert.Equal(links, Links.Count(text));

    [Theory]
    [InlineData("see https://a.example/x?y=1 for more", "see  for more")]
    [InlineData("www.example.com", "")]
    [InlineData("no links, just www and http words", "no links, just www and http words")]
    [InlineData("two: http://a.example\nand https://b.example.", "two: \nand ")]
    [InlineData("(see:www.example.com) e.g. ahttp://x.example/y z", "(see: e.g. a z")]
    public void Links_are_removed_with_their_whole_address(string text, string expected) => Assert.Equal(expected, Links.Remove(text));

    [Fact]
    public void Links_are_listed_as_written_in_order() =>
        Assert.Equal(["https://a.example/x?y=1", "www.b.example.", "bit.ly/3xYz"], Links.All("see https://a.example/x?y=1 and www.b.example. or bit.ly/3xYz"));

    [Theory]
    [InlineData("https://docs.python.org/3/library/asyncio-task.html", true)]
    [InlineData("en.wikipedia.org/wiki/Tyne_Bridge", true)]
    [InlineData("http://example.com/?p=12", true)]
    [InlineData("https://www.bbc.co.uk/news/uk-67354120).", true)]
    [InlineData("https://t.co/AbC123", true)] // how Twitter shares a page
    [InlineData("https://youtu.be/dQw4w9WgXcQ", true)]
    [InlineData("http://www.cheap-shop.example", false)] // a site's front page
    [InlineData("https://shop.example/", false)]
    [InlineData("www.shop.example/?#", false)]
    [InlineData("https://bit.ly/3xHomeJob", false)] // a shortener hides where it leads
    [InlineData("TinyURL.com/autoprofit", false)]
    public void An_address_names_a_page_unless_it_is_a_front_page_or_a_shortener(string address, bool page) =>
        Assert.Equal(page, Links.NamesAPage(address));

    [Fact]
    public async Task Two_links_hold_a_comment_by_default()
    {
        var rule = new LinkCountRule(new FixedHistory(Newcomer));
        Assert.Equal(CommentStatus.Pending, await rule.DecideAsync(Context("https://a.example https://b.example"), Ct));
        Assert.Null(await rule.DecideAsync(Context("just https://a.example"), Ct));
    }

    [Fact]
    public async Task A_trusted_author_is_not_held_for_links()
    {
        // Before: the link count held every regular who cited two sources (trust ran after it).
        var context = Context("see https://a.example/docs and https://b.example/spec");
        Assert.Null(await new LinkCountRule(new FixedHistory(Regular)).DecideAsync(context, Ct));
        Assert.Equal(["rule.links", "trust.skipped_hold"], context.Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData("best c@s1n0 online")]
    [InlineData("best c a s i n o online")]
    [InlineData("best саsino online")] // Cyrillic а and с
    public async Task Blocked_words_match_through_leet_spacing_and_look_alikes(string text)
    {
        var site = new SiteOptions { BlockedWords = ["casino"] };
        Assert.Equal(CommentStatus.Spam, await new WordListRule().DecideAsync(Context(text, site), Ct));
    }

    [Theory]
    [InlineData(0.95, 0.10, CommentStatus.Spam)]
    [InlineData(0.10, 0.85, CommentStatus.Pending)]
    [InlineData(0.60, 0.10, CommentStatus.Pending)]
    [InlineData(0.10, 0.60, CommentStatus.Pending)]
    [InlineData(0.10, 0.10, null)]
    public async Task Scores_become_decisions_through_the_sites_thresholds(double spam, double toxicity, CommentStatus? expected)
    {
        var rule = new ModelRule(new FixedScorer(spam, toxicity), new FixedHistory(Newcomer));
        var context = Context("some text");
        Assert.Equal(expected, await rule.DecideAsync(context, Ct));
        Assert.Equal("test-v1", context.Scores!.ModelVersion);
    }

    [Theory]
    [InlineData(0.30, CommentStatus.Pending, "model.spam_link")]
    [InlineData(0.60, CommentStatus.Spam, "model.spam")]
    [InlineData(0.95, CommentStatus.Spam, "model.spam")]
    public async Task A_short_comment_that_is_spam_only_because_of_its_link_waits_for_a_moderator(double withoutLinks, CommentStatus expected, string code)
    {
        var context = Context("my notes are at https://blog.example/notes");
        var rule = new ModelRule(new FixedScorer(0.95, 0.10, spamWithoutLinks: withoutLinks), new FixedHistory(Newcomer));
        Assert.Equal(expected, await rule.DecideAsync(context, Ct));
        Assert.Equal(code, Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task A_regular_whose_link_alone_scores_as_spam_is_published()
    {
        // Before: model.spam_link was a hold trust could not skip.
        var context = Context("my notes are at https://blog.example/notes");
        var rule = new ModelRule(new FixedScorer(0.95, 0.10, spamWithoutLinks: 0.30), new FixedHistory(Regular));
        Assert.Null(await rule.DecideAsync(context, Ct));
        Assert.Equal(["model.spam_link", "trust.skipped_hold"], context.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task One_link_in_a_comment_with_words_of_its_own_is_not_held_for_a_new_author()
    {
        var context = Context("I went through the council's numbers and they do not add up, see https://council.example/budget");
        var rule = new ModelRule(new FixedScorer(0.95, 0.10, spamWithoutLinks: 0.05), new FixedHistory(Newcomer));
        Assert.Null(await rule.DecideAsync(context, Ct));
        Assert.Empty(context.Reasons);
    }

    [Theory]
    [InlineData(ProfanityPolicy.Allow, null, "policy.profanity_allowed")]
    [InlineData(ProfanityPolicy.Hold, CommentStatus.Pending, "policy.profanity")]
    public async Task Friendly_profanity_follows_the_sites_setting(ProfanityPolicy policy, CommentStatus? expected, string code)
    {
        var site = new SiteOptions { Id = "s", Thresholds = Thresholds, Profanity = policy };
        var scorer = new FixedScorer(0.01, 0.95) { WithoutProfanity = 0.05, Profane = true };
        var context = Context("this is fucking brilliant", site);
        Assert.Equal(expected, await new ModelRule(scorer, new FixedHistory(Newcomer)).DecideAsync(context, Ct));
        Assert.Contains(context.Reasons, r => r.Code == code);
    }

    [Fact]
    public async Task A_comment_toxic_only_through_the_words_that_name_a_group_is_published_with_a_note()
    {
        var scorer = new FixedScorer(0.01, 0.51) { WithoutIdentity = 0.25 };
        var context = Context("As a gay man who grew up in a small town, this story hit home.");
        Assert.Null(await new ModelRule(scorer, new FixedHistory(Newcomer)).DecideAsync(context, Ct));
        Assert.Equal("policy.identity_words", Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task An_attack_stays_held_when_the_group_s_name_is_taken_out()
    {
        var scorer = new FixedScorer(0.01, 0.95) { WithoutIdentity = 0.85 };
        var context = Context("women are stupid and should not vote");
        Assert.Equal(CommentStatus.Pending, await new ModelRule(scorer, new FixedHistory(Regular)).DecideAsync(context, Ct));
        Assert.Equal("model.toxic", Assert.Single(context.Reasons).Code);
    }

    [Theory]
    [InlineData(0.9, "policy.dehumanising", CommentStatus.Pending)]
    [InlineData(0.2, "policy.dehumanising_borderline", CommentStatus.Pending)]
    [InlineData(0.2, "trust.skipped_hold", null)]
    public async Task Calling_a_group_vermin_is_held_whoever_the_author_when_the_model_agrees(double toxicity, string code, CommentStatus? expected)
    {
        var scorer = new FixedScorer(0.01, toxicity) { Dehumanising = true };
        var author = expected is null ? Regular : Newcomer;
        var context = Context("they are vermin");
        Assert.Equal(expected, await new ModelRule(scorer, new FixedHistory(author)).DecideAsync(context, Ct));
        Assert.Contains(context.Reasons, r => r.Code == code);
    }

    [Theory]
    [InlineData(0.9, "policy.derogatory", CommentStatus.Pending)]
    [InlineData(0.2, "policy.derogatory_borderline", CommentStatus.Pending)]
    [InlineData(0.2, "trust.skipped_hold", null)]
    public async Task Running_down_a_group_is_held_whoever_the_author_when_the_model_agrees(double toxicity, string code, CommentStatus? expected)
    {
        var scorer = new FixedScorer(0.01, toxicity) { Derogatory = true, WithoutIdentity = 0.05 };
        var author = expected is null ? Regular : Newcomer;
        var context = Context("they can't be trusted");
        Assert.Equal(expected, await new ModelRule(scorer, new FixedHistory(author)).DecideAsync(context, Ct));
        Assert.Contains(context.Reasons, r => r.Code == code);
    }

    [Theory]
    [InlineData(0.05, "see https://shop.example", CommentStatus.Spam, "signal.solicitation")]
    [InlineData(0.60, "call us now", CommentStatus.Spam, "signal.solicitation")]
    [InlineData(0.05, "call us now", CommentStatus.Pending, "signal.solicitation_borderline")]
    public async Task A_sales_pitch_goes_to_spam_with_other_evidence_and_is_held_alone(double spam, string text, CommentStatus expected, string code)
    {
        var scorer = new FixedScorer(spam, 0.01) { Solicitation = "contact \"call us\", offer \"50% off\"" };
        var context = Context(text);
        Assert.Equal(expected, await new ModelRule(scorer, new FixedHistory(Newcomer)).DecideAsync(context, Ct));
        Assert.Contains(context.Reasons, r => r.Code == code);
    }

    [Fact]
    public async Task A_sales_pitch_alone_from_a_regular_is_published()
    {
        var scorer = new FixedScorer(0.05, 0.01) { Solicitation = "contact \"call us\", offer \"50% off\"" };
        Assert.Null(await new ModelRule(scorer, new FixedHistory(Regular)).DecideAsync(Context("call us now for 50% off"), Ct));
    }

    [Fact]
    public async Task An_attack_stays_held_when_its_profanity_is_taken_out()
    {
        var scorer = new FixedScorer(0.01, 0.99) { WithoutProfanity = 0.90, Profane = true };
        var context = Context("you fucking idiot");
        Assert.Equal(CommentStatus.Pending, await new ModelRule(scorer, new FixedHistory(Regular)).DecideAsync(context, Ct));
        Assert.Equal("model.toxic", Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task Reported_abuse_is_not_held()
    {
        var scorer = new FixedScorer(0.01, 0.90) { WithoutQuotes = 0.10 };
        var context = Context("my son was called a slur at school");
        Assert.Null(await new ModelRule(scorer, new FixedHistory(Newcomer)).DecideAsync(context, Ct));
        Assert.Equal("policy.reported_abuse", Assert.Single(context.Reasons).Code);
    }

    [Fact]
    public async Task A_model_hold_keeps_the_words_that_raised_the_score()
    {
        var context = Context("you idiot");
        await new ModelRule(new FixedScorer(0.1, 0.9), new FixedHistory(Newcomer)).DecideAsync(context, Ct);
        var reason = Assert.Single(context.Reasons);
        Assert.Equal("model.toxic", reason.Code);
        Assert.Contains("\"idiot\"", reason.Detail);
    }

    [Fact]
    public async Task A_trusted_author_skips_a_borderline_hold_but_not_a_clear_one()
    {
        var trusted = new FixedHistory(Regular);
        Assert.Null(await new ModelRule(new FixedScorer(0.6, 0.1), trusted).DecideAsync(Context("borderline"), Ct));
        Assert.Equal(CommentStatus.Pending, await new ModelRule(new FixedScorer(0.1, 0.9), trusted).DecideAsync(Context("clearly toxic"), Ct));
        Assert.Equal(CommentStatus.Pending, await new ModelRule(new FixedScorer(0.6, 0.1), new FixedHistory(RecentlyRejected)).DecideAsync(Context("borderline"), Ct));
    }

    [Fact]
    public async Task Without_a_loaded_model_every_comment_is_held()
    {
        var context = Context("anything");
        Assert.Equal(CommentStatus.Pending, await new ModelRule(new FixedScorer(null, null), new FixedHistory(Regular)).DecideAsync(context, Ct));
        Assert.Equal("model.unavailable", Assert.Single(context.Reasons).Code);
    }
}
