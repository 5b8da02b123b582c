using System.Globalization;
using Comments.Core.Comments;
using Comments.Core.Scoring;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Submissions;
using Comments.Core.Text;

namespace Comments.Core.Rules;

/// <summary>
/// Steps 7 and 8: the model's spam and toxicity scores against the site's thresholds and
/// policy, then trust. Fails closed: with no model loaded every comment waits for a moderator.
/// <list type="bullet">
/// <item>Threats, then clear toxicity, come first: abuse waits for a moderator, never in the
/// spam folder.</item>
/// <item>Spam: spam ≥ Spam → the spam folder when its words are spam too. When only its link
/// makes it spam (the words alone score below SpamHold), it is a borderline hold. A comment with
/// one link to a page and <see cref="OwnWordsForOrdinaryLink"/> words of its own (a reader citing a
/// source) is judged by its words alone: the spam folder at Spam, a borderline hold at SpamHold.</item>
/// <item>Spam lists (<see cref="CommentScores.SpamSignal"/>): a listed keyword or site with other
/// evidence (a link, or spam ≥ SpamHold) → the spam folder; alone → a borderline hold. Never a
/// verdict by itself: a regular naming a listed drug is published. A sales pitch
/// (<see cref="CommentScores.Solicitation"/>) is treated the same way.</item>
/// <item>Toxicity is judged on the author's own words: reported or quoted abuse does not count,
/// nor does friendly profanity on a site that allows it (<see cref="ProfanityPolicy"/>).
/// ≥ Toxicity → pending whoever the author; ≥ ToxicityHold → borderline hold.</item>
/// <item>A threat of violence at a person is held whoever the author (a borderline hold when
/// the toxicity model scores it below ToxicityHold); so is a group called vermin, or run down as
/// a whole.</item>
/// <item>A borderline hold is skipped for an author with enough published comments and no
/// recent rejection.</item>
/// </list>
/// </summary>
public sealed class ModelRule(ICommentScorer scorer, IAuthorHistory history) : IDecisionRule
{
    /// <summary>Words besides its one link that make a comment read as ordinary talk rather than a drive-by link.</summary>
    public const int OwnWordsForOrdinaryLink = 8;

    public int Order => 70;

    public async ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
    {
        var scores = scorer.Score(context.NormalizedText);
        context.Scores = scores;
        var t = context.Site.Thresholds;

        if (scores.Spam is not { } spam || scores.Toxicity is not { } toxicity)
        {
            context.Reasons.Add(new CommentReason("model.unavailable", "The model is not loaded; every comment waits for a moderator."));
            return CommentStatus.Pending;
        }

        foreach (var attack in Attacks)
        {
            if (!attack.Read(scores) || toxicity < t.ToxicityHold) continue;
            // Never a borderline hold once the model agrees, whoever the author and however it is worded.
            context.Reasons.Add(Reason(attack.Code, "toxicity", toxicity, scores.ToxicTerms, attack.Held));
            return CommentStatus.Pending;
        }
        var (judged, eased) = JudgedToxicity(scores, toxicity);
        var holdProfanity = context.Site.Profanity == ProfanityPolicy.Hold && scores.Profane;
        if (judged >= t.Toxicity)
        {
            // Abuse waits for a moderator rather than the spam folder, which nobody reads: an
            // insult can look like spam to a model that learned spam from strangers' comments.
            context.Reasons.Add(Reason("model.toxic", "toxicity", toxicity, scores.ToxicTerms, eased?.Note(judged)));
            return CommentStatus.Pending;
        }

        // A listed keyword or site is strong evidence, but the lists were written for Stack
        // Exchange, where any product talk is off-topic: it needs a link or the model's doubt too.
        // A sales pitch, read from a few common phrases, follows the same rule.
        if ((scores.SpamSignal is not null || scores.Solicitation is not null) && (spam >= t.SpamHold || Links.Count(context.NormalizedText) > 0))
        {
            context.Reasons.Add(scores.SpamSignal is { } signal
                ? new CommentReason("signal.spam", $"On the spam lists: {signal}; spam {F(spam)}.")
                : new CommentReason("signal.solicitation", $"Reads as a sales pitch: {scores.Solicitation}; spam {F(spam)}."));
            return CommentStatus.Spam;
        }

        // The spam data has links almost only in spam: a link alone can carry the score. A reader
        // citing a page is judged by the words alone; any other link by the whole comment, unless the
        // link is all that makes it spam (then a borderline hold at most).
        var citing = scores.SpamWithoutLinks is not null && IsOrdinaryLink(context.NormalizedText);
        var judgedSpam = citing ? scores.SpamWithoutLinks!.Value : spam;
        var note = citing ? $"without its link {F(judgedSpam)}" : null;
        var linkOnly = !citing && scores.SpamWithoutLinks is { } withoutLinks && withoutLinks < t.SpamHold;
        if (judgedSpam >= t.Spam && !linkOnly)
        {
            context.Reasons.Add(Reason("model.spam", "spam", spam, scores.SpamTerms, note));
            return CommentStatus.Spam;
        }

        var borderline = new List<CommentReason>();
        if (judgedSpam >= t.SpamHold)
        {
            borderline.Add(linkOnly
                ? Reason("model.spam_link", "spam", spam, scores.SpamTerms, $"without its links {F(scores.SpamWithoutLinks!.Value)}")
                : Reason("model.spam_borderline", "spam", spam, scores.SpamTerms, note));
        }
        if (scores.SpamSignal is { } listed) borderline.Add(new CommentReason("signal.spam_borderline", $"On the spam lists: {listed}."));
        if (scores.Solicitation is { } pitched) borderline.Add(new CommentReason("signal.solicitation_borderline", $"Reads as a sales pitch: {pitched}."));
        if (judged >= t.ToxicityHold) borderline.Add(Reason("model.toxic_borderline", "toxicity", toxicity, scores.ToxicTerms, eased?.Note(judged)));
        else if (toxicity >= t.ToxicityHold && eased is { } e && !holdProfanity) context.Reasons.Add(e.Reason(toxicity, judged));
        if (holdProfanity) borderline.Add(new CommentReason("policy.profanity", "Contains profanity, which this site holds."));
        // Here the toxicity, and so the judged one, is below ToxicityHold: the model scores the attack low.
        foreach (var attack in Attacks)
            if (attack.Read(scores)) borderline.Add(new CommentReason(attack.Code + "_borderline", attack.Borderline));
        if (borderline.Count == 0) return null;

        context.Reasons.AddRange(borderline);
        if (await AuthorTrust.IsTrustedAsync(history, context, ct))
        {
            if (!context.Reasons.Contains(AuthorTrust.SkippedHold)) context.Reasons.Add(AuthorTrust.SkippedHold);
            return null;
        }
        return CommentStatus.Pending;
    }

    /// <summary>
    /// The attacks read in every comment, whatever the model scores: held whoever the author when the
    /// toxicity model agrees (≥ ToxicityHold), a borderline hold below it.
    /// </summary>
    private static readonly (Func<CommentScores, bool> Read, string Code, string Held, string Borderline)[] Attacks =
    [
        (s => s.Threat, "policy.threat", "threatens or calls for violence",
            "Reads like a threat of violence, though the model scores it low."),
        (s => s.Dehumanising, "policy.dehumanising", "calls a group of people vermin, animals or rubbish",
            "Calls a group of people vermin, animals or rubbish, though the model scores it low."),
        (s => s.Derogatory, "policy.derogatory", "runs down a group of people as a whole",
            "Runs down a group of people as a whole (criminals, filthy, not to be trusted), though the model scores it low."),
    ];

    /// <summary>
    /// One link, to a page rather than a site's front page or a shortener, in a comment with enough words
    /// of its own: a reader citing a source.
    /// </summary>
    private static bool IsOrdinaryLink(string text)
    {
        if (Links.All(text) is not [var link] || !Links.NamesAPage(link)) return false;
        var words = 0;
        foreach (var part in Links.Remove(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (part.Any(char.IsLetter)) words++;
        return words >= OwnWordsForOrdinaryLink;
    }

    /// <summary>
    /// The toxicity of the author's own attack: without reported abuse and without friendly
    /// profanity (which a site that holds profanity holds by its own reason, not as toxicity).
    /// </summary>
    private static (double Judged, Easing? Eased) JudgedToxicity(CommentScores scores, double toxicity)
    {
        var judged = toxicity;
        Easing? eased = null;
        if (scores.ToxicityWithoutQuotes is { } quoted && quoted < judged)
            (judged, eased) = (quoted, new Easing("policy.reported_abuse", "without the abuse it quotes or reports"));
        if (scores.ToxicityWithoutProfanity is { } clean && clean < judged)
            (judged, eased) = (clean, new Easing("policy.profanity_allowed", "without its friendly profanity"));
        if (scores.ToxicityWithoutIdentity is { } neutral && neutral < judged)
            (judged, eased) = (neutral, new Easing("policy.identity_words", "without the words that name a group or a body part"));
        return (judged, eased);
    }

    private readonly record struct Easing(string Code, string Without)
    {
        public string Note(double judged) => $"{Without} {F(judged)}";

        public CommentReason Reason(double toxicity, double judged) =>
            new(Code, $"toxicity {F(toxicity)}, {Without} {F(judged)}: not held.");
    }

    private static string F(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    private static CommentReason Reason(string code, string what, double score, IReadOnlyList<string> terms, string? note = null)
    {
        var detail = what + " " + F(score);
        if (note is not null) detail += " (" + note + ")";
        if (terms.Count > 0) detail += "; words that raised it most: " + string.Join(", ", terms.Select(w => $"\"{w}\""));
        return new CommentReason(code, detail);
    }
}
