namespace Comments.Scoring.Serving;

/// <summary>The "Scoring" configuration section (every key settable as Scoring__Key in the environment).</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>
    /// Folder holding the model files. A relative path is resolved against the content root
    /// passed to AddCommentScoring (the current directory when none is), and if it is not
    /// there, against the nearest parent folder that has it.
    /// </summary>
    public string ModelDirectory { get; set; } = "models";

    public string SpamModelFile { get; set; } = "spam.zip";
    public string ToxicityModelFile { get; set; } = "toxicity.zip";

    /// <summary>
    /// Sub-folder of the model folder with SmokeDetector's spam lists (bad_keywords.txt,
    /// blacklisted_websites.txt). Read once at start; without it no comment has a spam signal.
    /// </summary>
    public string SpamSignalsFolder { get; set; } = "spam-signals";

    /// <summary>Reload this long after the last change to a model file (writers often touch a file several times).</summary>
    public int ReloadDelayMilliseconds { get; set; } = 500;

    public bool WatchModelFiles { get; set; } = true;

    /// <summary>How many terms SpamTerms and ToxicTerms list.</summary>
    public int MaxTerms { get; set; } = 5;

    /// <summary>
    /// Terms are only worked out for a score at or above this: a moderator needs them for holds,
    /// and skipping them for clearly clean comments saves most of the explanation cost.
    /// Keep it below the lowest hold threshold.
    /// </summary>
    public double ExplainFromScore { get; set; } = 0.1;

    /// <summary>
    /// The second looks at toxicity (profanity, quoted or reported abuse, threats) are only taken
    /// for a toxicity at or above this: below every site's ToxicityHold they cannot change a
    /// decision, and each costs a featurization. Keep it below the lowest ToxicityHold.
    /// </summary>
    public double SecondLookFromScore { get; set; } = 0.35;

    /// <summary>
    /// The semantic second stage (MiniLM sentence embedding + KIND.semantic.zip heads, combined
    /// with the n-gram scores in logit space) for the comments the cascade sends it. Off by
    /// default: models/README.md, "Semantic stage", has the measured gain, cost and memory.
    /// </summary>
    public bool SemanticStage { get; set; }

    public string SpamSemanticFile { get; set; } = "spam.semantic.zip";
    public string ToxicitySemanticFile { get; set; } = "toxicity.semantic.zip";

    /// <summary>A fast score in [SemanticFromScore, SemanticUpToScore] is uncertain: the comment goes to the semantic stage.</summary>
    public double SemanticFromScore { get; set; } = 0.05;

    public double SemanticUpToScore { get; set; } = 0.95;

    /// <summary>The semantic head's weight in the logit-space average with the n-gram score (0 = n-grams only, 1 = head only).</summary>
    public double SemanticWeight { get; set; } = 0.25;
}
