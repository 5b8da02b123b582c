using Comments.Core.Scoring;
using Comments.Scoring.Model;

namespace Comments.Scoring.Serving;

/// <summary>One consistent pair of models and the health they imply; replaced as a whole on reload.</summary>
internal sealed record LoadedModels(LinearTextModel? Spam, LinearTextModel? Toxicity, ScorerHealth Health)
{
    public string Version { get; } = $"{Spam?.Version ?? "spam-missing"}+{Toxicity?.Version ?? "toxicity-missing"}";
}
