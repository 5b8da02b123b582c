using Comments.Core.Sites;

namespace Comments.Scoring;

/// <summary>
/// The per-site defaults of <see cref="ModelThresholds"/> (defined there only), for the tools
/// and tests that need them as constants: score ≥ Spam → spam; ≥ Toxicity → pending (a hold trust
/// cannot skip); ≥ SpamHold or ≥ ToxicityHold → pending unless the author is trusted.
/// </summary>
public static class RecommendedThresholds
{
    public const double Spam = ModelThresholds.DefaultSpam;
    public const double SpamHold = ModelThresholds.DefaultSpamHold;
    public const double Toxicity = ModelThresholds.DefaultToxicity;
    public const double ToxicityHold = ModelThresholds.DefaultToxicityHold;

    /// <summary>The threshold `evaluate` reports at: spam → spam, toxicity → pending for an untrusted author.</summary>
    public static double For(string kind) => kind == "spam" ? Spam : ToxicityHold;
}
