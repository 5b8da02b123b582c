namespace Comments.Scoring;

/// <summary>
/// Per-site defaults chosen from the evaluation of the shipped models (models/README.md):
/// toxicity ≥ <see cref="ToxicityPending"/> → pending; spam ≥ <see cref="Spam"/> → spam;
/// spam in [<see cref="SpamPending"/>, <see cref="Spam"/>) → pending.
/// </summary>
public static class RecommendedThresholds
{
    public const double ToxicityPending = 0.4;
    public const double Spam = 0.6;
    public const double SpamPending = 0.2;

    public static double For(string kind) => kind == "spam" ? Spam : ToxicityPending;
}
