using Comments.Core.Comments;
using Comments.Core.Rules;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;
using Comments.Scoring.Serving;
using Comments.Scoring.Tests.Serving;

namespace Comments.Scoring.Tests.Policy;

/// <summary>
/// Comments written for these tests (never in any corpus), decided by the shipped models and the
/// service's own rules at the default site settings: one case or more per line of the policy
/// (models/README.md, "Policy"). Only the author's history is fixed: new, or a regular.
/// </summary>
public sealed class PolicyDecisionTests : IDisposable
{
    private readonly CommentScorer _scorer = ScorerFactory.Shipped();

    public void Dispose() => _scorer.Dispose();

    private static readonly AuthorHistory Newcomer = new(0, 0, 0, 0, 0);
    private static readonly AuthorHistory Regular = new(12, 0, 0, 0, 0);

    private async Task<(CommentStatus Status, List<CommentReason> Reasons)> Decide(string text, AuthorHistory? author = null, SiteOptions? site = null)
    {
        site ??= new SiteOptions { Id = "policy" };
        var context = new SubmissionContext(site,
            new CommentSubmission { Site = site.Id, ThreadId = "t", Text = text, AuthorName = "Reader", AuthorEmail = "reader@example.com", Ip = "192.0.2.1" },
            TextNormalizer.Normalize(text), null) { AuthorDigest = "author-digest" };
        foreach (var rule in ServiceRules.Create(_scorer, new History(author ?? Newcomer)).OrderBy(r => r.Order))
        {
            if (await rule.DecideAsync(context, CancellationToken.None) is { } status) return (status, context.Reasons);
        }
        return (CommentStatus.Published, context.Reasons);
    }

    private sealed class History(AuthorHistory record) : IAuthorHistory
    {
        public Task<AuthorHistory> GetAsync(string site, string emailDigest, CancellationToken ct = default) => Task.FromResult(record);
    }

    private static string Explain(CommentStatus status, List<CommentReason> reasons) =>
        $"{status}: {string.Join(" | ", reasons.Select(r => r.Code + " " + r.Detail))}";

    [Theory]
    [InlineData("This is fucking brilliant, best thing I've read all year.")]
    [InlineData("Holy shit, what a game last night. That second goal was unreal.")]
    [InlineData("Damn, I didn't know the library was closing. That's a bloody shame for the kids.")]
    public async Task Friendly_profanity_is_published_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Fact]
    public async Task Friendly_profanity_is_held_on_a_site_that_holds_profanity()
    {
        var site = new SiteOptions { Id = "strict", Profanity = ProfanityPolicy.Hold };
        var (status, reasons) = await Decide("This is fucking brilliant, best thing I've read all year.", site: site);
        Assert.Equal(CommentStatus.Pending, status);
        Assert.Contains(reasons, r => r.Code == "policy.profanity");
    }

    [Theory]
    [InlineData("You are a fucking idiot and everyone here hates you")]
    [InlineData("fuck you, nobody asked for your opinion")]
    [InlineData("shut up you stupid bitch")]
    [InlineData("I know where you live and I will kill you")]
    public async Task An_attack_is_held_even_from_a_regular(string comment)
    {
        var (status, reasons) = await Decide(comment, Regular);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
    }

    [Theory]
    [InlineData("My son was called a faggot at school today and the teachers did nothing. How do I raise this with the head?")]
    [InlineData("Someone wrote \"go back to your country, you dirty paki\" on our neighbour's door. We reported it to the police.")]
    public async Task Quoting_abuse_to_report_it_is_published(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("As a gay man who grew up in a small town, this story about the library really hit home.")]
    [InlineData("I'm a white guy married to a Mexican woman and our kids speak both languages at home.")]
    public async Task Naming_a_group_in_an_ordinary_comment_is_published_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("Gay people are a disease spreading through our schools.")]
    [InlineData("Trans people are disgusting freaks.")]
    [InlineData("Women are stupid and should not be allowed to vote.")]
    public async Task An_attack_on_a_group_is_held_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
    }

    [Theory]
    [InlineData("Gas the Jews")]
    [InlineData("I hope every immigrant in this town dies in a fire.")]
    [InlineData("Muslims should be shot.")]
    public async Task Violence_called_for_against_a_group_is_held_for_a_new_author_even_when_the_model_scores_it_low(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("policy.threat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Muslims are vermin and should be driven out of this country.")]
    [InlineData("Jews are parasites who control the banks.")]
    public async Task Calling_a_group_vermin_is_held_for_a_new_author_even_when_the_model_scores_it_low(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("policy.dehumanising", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Refugees can't be trusted.")]
    [InlineData("Jews are greedy.")]
    [InlineData("Disabled people are a burden on society.")]
    public async Task Running_down_a_group_is_held_for_a_new_author_even_when_the_model_scores_it_low(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("policy.derogatory", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Muslims are not terrorists.")]
    [InlineData("Not all Muslims are terrorists.")]
    [InlineData("Stop pretending immigrants are criminals.")]
    public async Task Rejecting_a_stereotype_is_published_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("I'm going to cut your throat.")]
    [InlineData("You will be killed, mark my words.")]
    public async Task A_threat_to_hurt_someone_is_held_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("policy.threat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Looking for the best SEO company in town? We provide affordable link building and guaranteed first page ranking.")]
    [InlineData("I lost my savings to a fake app, but a recovery expert got it all back. Reach him on WhatsApp.")]
    public async Task A_link_less_sales_pitch_is_held_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status != CommentStatus.Published, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("signal.solicitation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sales_pitch_with_a_link_goes_to_the_spam_folder()
    {
        var (status, reasons) = await Decide("Amazing blog! Visit https://www.cheapjerseys.example for discount NFL jerseys wholesale.");
        Assert.True(status == CommentStatus.Spam, Explain(status, reasons));
    }

    [Fact]
    public async Task A_docs_link_from_a_regular_is_published()
    {
        var (status, reasons) = await Decide("The docs cover this: https://learn.microsoft.com/dotnet/api/system.text.regularexpressions.regexoptions see NonBacktracking", Regular);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("Good piece. The council published the full budget at https://council.example.gov/budget-2026 if anyone wants to check the numbers.")]
    [InlineData("I wrote about the same parking problem last year, with photos of the junction: https://myblog.example.com/parking-fees")]
    public async Task One_ordinary_link_in_an_ordinary_comment_is_published_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("Excellent article! We will be linking to this great content on our site. Keep up the great writing. http://www.home-decor-ideas.example")]
    [InlineData("Make $500 a day working from home with just your laptop! No experience needed. Find out how here: bit.ly/3xHomeJob")]
    public async Task Praise_or_a_pitch_with_one_link_to_a_front_page_or_a_shortener_is_held_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code == "model.spam_link");
    }

    [Fact]
    public async Task A_citation_whose_words_read_a_little_like_an_offer_is_judged_by_its_words_not_sent_to_the_spam_folder()
    {
        // Spam 1.00 with its link, 0.38 without: the link carried it into the spam folder, whoever the author.
        const string comment = "If you want to claim the energy rebate, the form and the eligibility check are on this page: https://www.gov.uk/guidance/claim-the-energy-rebate";
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Pending, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code == "model.spam_borderline");
        (status, reasons) = await Decide(comment, Regular);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Fact]
    public async Task A_regulars_link_to_a_front_page_is_published()
    {
        var (status, reasons) = await Decide("If you're near Leeds, the repair cafe fixes bikes and lamps for free on the first Saturday: https://www.repaircafe-leeds.example", Regular);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }

    [Theory]
    [InlineData("Norton antivirus customer support phone number +1-888-555-0199 call now for help with your account, 24/7 toll free helpline")]
    [InlineData("Delta airlines reservations phone number 1 (800) 555 0143 booking and refund helpline call now")]
    public async Task Phone_number_tech_support_spam_goes_to_spam(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Spam, Explain(status, reasons));
    }

    [Theory]
    [InlineData("BEST CHEAP VIAGRA ONLINE www.pills-shop.example FREE SHIPPING")]
    [InlineData("Make $5000 a week working from home!!! Click here http://easy-cash.example and subscribe to my channel")]
    public async Task Seo_link_spam_goes_to_spam(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status == CommentStatus.Spam, Explain(status, reasons));
    }

    [Theory]
    [InlineData("I was heartbroken until a friend told me about the great spell caster Dr Ayo. He brought my husband back in two days, contact him on WhatsApp.")]
    [InlineData("Need help with your assignments? We write every paper for you, pay for essay online at the best price with fast delivery.")]
    public async Task Link_less_spam_on_the_spam_lists_is_not_published_for_a_new_author(string comment)
    {
        var (status, reasons) = await Decide(comment);
        Assert.True(status != CommentStatus.Published, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code.StartsWith("signal.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_a_listed_spam_site_goes_to_spam_even_in_an_ordinary_sentence()
    {
        var (status, reasons) = await Decide("Great article, thanks for sharing. I found more tips like these at http://ewebtonic.in/blog/seo-tips for anyone interested.");
        Assert.True(status == CommentStatus.Spam, Explain(status, reasons));
        Assert.Contains(reasons, r => r.Code == "signal.spam" && r.Detail.Contains("ewebtonic.in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_regular_naming_a_listed_drug_is_published()
    {
        var (status, reasons) = await Decide("Our doctor prescribed Adderall for my son's ADHD and it has really helped him focus at school this term.", Regular);
        Assert.True(status == CommentStatus.Published, Explain(status, reasons));
    }
}
