namespace Comments.Core.Scoring;

/// <summary>
/// Step 7 of the pipeline (design.md): scores the normalised text of a comment.
/// Implemented in-process by Comments.Scoring; the pipeline only sees this interface.
/// </summary>
public interface ICommentScorer
{
    /// <summary>Scores one normalised comment text. Never throws for any input string.</summary>
    CommentScores Score(string normalizedText);

    /// <summary>The state of the loaded models, for health checks.</summary>
    ScorerHealth Health { get; }
}

/// <param name="Spam">Probability in [0,1] that the comment is spam; null when no spam model is loaded.</param>
/// <param name="Toxicity">Probability in [0,1] that the comment is toxic; null when no toxicity model is loaded.</param>
/// <param name="ModelVersion">The version of the models that produced the scores (stored on the comment).</param>
/// <param name="SpamTerms">The few words or n-grams that raised the spam score most, strongest first.</param>
/// <param name="ToxicTerms">The few words or n-grams that raised the toxicity score most, strongest first.</param>
/// <param name="SpamWithoutLinks">
/// The spam probability of the same text with its web addresses taken out; null when the text
/// has none or its spam score is too low to matter. Lets a decision tell "spam" from "has a link".
/// </param>
/// <param name="ToxicityWithoutQuotes">
/// The toxicity of the text with reported or quoted abuse taken out ("my son was called a …",
/// words inside quotation marks in a comment that reports speech); null when there is none or
/// the toxicity is too low to matter. Quoting abuse to report it is not an attack.
/// </param>
/// <param name="ToxicityWithoutProfanity">
/// The toxicity with friendly profanity (swear words not aimed at anyone) and reported abuse
/// taken out; null when there is none or the toxicity is too low to matter.
/// </param>
/// <param name="ToxicityWithoutIdentity">
/// The toxicity with the words that name a group of people or a body part taken out (and reported
/// abuse); null when there are none or the toxicity is too low to matter. A comment that is toxic
/// only because it says "Muslim", "transgender" or "breast" is not an attack.
/// </param>
/// <param name="Profane">
/// The text has a swear word, aimed or not (what a site that holds profanity holds). Looked for
/// only when the toxicity is near a hold (Scoring:SecondLookFromScore), where a swear word puts it.
/// </param>
/// <param name="Threat">
/// The text threatens or calls for violence against a person or a group ("I will kill you", "someone
/// should shoot them all", "Muslims should be shot"); looked for in every comment (the model scores
/// many threats low).
/// </param>
/// <param name="Dehumanising">
/// The text calls a group of people vermin, animals or rubbish ("Muslims are vermin"); looked for
/// in every comment, like <paramref name="Threat"/>.
/// </param>
/// <param name="Derogatory">
/// The text runs down a group of people as a whole ("immigrants are criminals", "gays can't be
/// trusted", "I hate Muslims"), not to reject the idea ("the myth that …"); looked for in every
/// comment, like <paramref name="Threat"/>: such derogation often has no rude word for the model.
/// </param>
/// <param name="SpamSignal">
/// What in the text is on the spam lists (SmokeDetector's keywords and sites, e.g.
/// <c>keyword "spell caster"</c>); null when nothing is, or no lists are loaded. Evidence, not a verdict.
/// </param>
/// <param name="Solicitation">
/// What makes the text a sales pitch (a way to reach the seller with something sold or promised, e.g.
/// <c>contact "whatsapp", money "recovery expert"</c>); null when it is none. Evidence, not a verdict,
/// like <paramref name="SpamSignal"/>: the link-less blog spam neither model learned.
/// </param>
public sealed record CommentScores(
    double? Spam,
    double? Toxicity,
    string ModelVersion,
    IReadOnlyList<string> SpamTerms,
    IReadOnlyList<string> ToxicTerms,
    double? SpamWithoutLinks = null,
    double? ToxicityWithoutQuotes = null,
    double? ToxicityWithoutProfanity = null,
    bool Profane = false,
    bool Threat = false,
    string? SpamSignal = null,
    double? ToxicityWithoutIdentity = null,
    bool Dehumanising = false,
    bool Derogatory = false,
    string? Solicitation = null);

/// <param name="Ready">Both models are loaded and scoring.</param>
/// <param name="Description">A short human-readable state ("spam v3, toxicity v5" or the load error).</param>
public sealed record ScorerHealth(bool Ready, string Description);
