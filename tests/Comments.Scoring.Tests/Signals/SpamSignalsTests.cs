using Comments.Scoring.Signals;

namespace Comments.Scoring.Tests.Signals;

public sealed class SpamSignalsTests
{
    private static readonly SpamSignals Lists = SpamSignals.FromLists(
        [@"neuro\W*+(?:3X|flexyn|fuse)", "tosterone", @"great\Wspell\Wcaster", @"pay\W?for\W?essay", @".{0,12}loanfirm@gmail\.com", @"über\W?deal"],
        [@"ewebtonic\.in", @"essays(?:origin|council)\.com"]);

    [Theory]
    [InlineData("Try Neuro-Flexyn today, it changed my life", "keyword \"Neuro-Flexyn\"")]
    [InlineData("Thank you to the GREAT SPELL CASTER who brought him back", "keyword \"GREAT SPELL CASTER\"")]
    [InlineData("students can pay for essay writing here", "keyword \"pay for essay\"")]
    [InlineData("more at http://www.ewebtonic.in/seo-tips", "listed site \"ewebtonic.in\"")]
    [InlineData("order from EssaysCouncil.com now", "listed site \"EssaysCouncil.com\"")]
    [InlineData("Check this ÜBER DEAL now", "keyword \"ÜBER DEAL\"")] // a start that is not ASCII skips the quick check
    public void A_listed_keyword_or_site_is_named(string text, string expected) => Assert.Equal(expected, Lists.Find(text));

    [Theory]
    [InlineData("Testosterone levels fall with age, says the study")] // "tosterone" only as a whole word
    [InlineData("The neurologist said it was nothing serious")]
    [InlineData("ewebtonic is not a site without its domain")]
    [InlineData("I was great. Spell it out for me.")]
    [InlineData("see the docs at example.org/start")] // a dotted word, and no site pattern without a literal start in these lists
    public void Ordinary_text_has_no_signal(string text) => Assert.Null(Lists.Find(text));

    [Theory]
    [InlineData("see http://www.beautyskinforever/x now", "listed site \"beautyskin\"")]
    [InlineData("get it at www.SmartFixer.org today", "listed site \"SmartFixer.org\"")] // a literal start: tried where it occurs
    [InlineData("see http://gfix.in/offer", "listed site \"gfix.in\"")] // \b and a look-behind before it
    [InlineData("see http://www.fita.in/ now", "listed site \"fita.in/\"")] // \W before it
    [InlineData("short link http://adf.ly/abc", "listed site \"//adf.ly/\"")] // no literal start
    [InlineData("see d_a_t_e_4_f_u_q.com", "listed site \"d_a_t_e_4_f_u_q.com\"")] // none, read with the others by the linear-time engine
    [InlineData("call Tech-Support.com now", "listed site \"Tech-Support.com\"")] // none, with a look-behind: backtracking
    public void The_first_look_up_after_loading_finds_a_site_of_any_shape(string text, string expected)
    {
        // The first match of a compiled regex used to run past the 50 ms time-out and be taken as no match.
        var shipped = SpamSignals.Load(Path.Combine(RepoPaths.Models, "spam-signals"))!;
        Assert.Equal(expected, shipped.Find(text));
    }

    [Fact]
    public void A_site_pattern_is_tried_where_its_literal_start_is()
    {
        Assert.Equal(("gfix.in", @"\b(?<![^\W_]-)gfix\.in\b"), SpamSignals.Led(@"\b(?<![^\W_]-)gfix\.in\b"));
        Assert.Equal(("fita.in", @"(?<=\W)fita\.in\W"), SpamSignals.Led(@"\Wfita\.in\W"));
        Assert.Equal(("iwacy.com", @"(?<=[/.])iwacy\.com"), SpamSignals.Led(@"[/.]iwacy\.com"));
        Assert.Equal(("//adf.ly/", @"//adf\.ly/"), SpamSignals.Led(@"//adf\.ly/"));
        Assert.Equal("", SpamSignals.Led(@"(?:premium|priceless)-inkjet\.com").Lead);
    }

    [Fact]
    public void The_shipped_lists_load_with_python_only_syntax_rewritten()
    {
        var shipped = SpamSignals.Load(Path.Combine(RepoPaths.Models, "spam-signals"));
        Assert.NotNull(shipped);
        Assert.InRange(shipped.KeywordCount, 2100, 2434); // those with a literal start; possessive quantifiers made greedy
        Assert.Equal(3898, shipped.WebsiteCount);
        Assert.Null(shipped.Find("Thanks for the write-up, the council meeting is on Tuesday at 7pm."));
        Assert.Equal("keyword \"baba ji\"", shipped.Find("Call the best love marriage baba ji today"));
        Assert.Equal("listed site \"ewebtonic.in\"", shipped.Find("see https://ewebtonic.in/offers"));
    }
}
