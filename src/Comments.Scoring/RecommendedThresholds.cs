namespace Comments.Scoring;

/// <summary>
/// Per-site defaults chosen from the evaluation of the shipped models (models/README.md), named
/// like the site's model thresholds: score ≥ Spam → spam; ≥ Toxicity → pending (a hold trust
/// cannot skip); ≥ SpamHold or ≥ ToxicityHold → pending unless the author is trusted.
/// </summary>
public static class RecommendedThresholds
{
    public const double Spam = 0.6;
    public const double SpamHold = 0.2;
    public const double Toxicity = 0.7;
    public const double ToxicityHold = 0.4;

    /// <summary>The threshold `evaluate` reports at: spam → spam, toxicity → pending for an untrusted author.</summary>
    public static double For(string kind) => kind == "spam" ? Spam : ToxicityHold;
}
