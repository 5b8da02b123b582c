using Comments.Scoring.Serving;

namespace Comments.Scoring.Semantic;

/// <summary>
/// The semantic second stage (models/README.md, "Semantic stage"): the spam and toxicity heads
/// over one MiniLM sentence embedding, for the comments the cascade sends it. The heads (a few
/// KB) load at start; the encoder (about 90 MB of ONNX weights, 330 MB more RSS) loads at the
/// first comment that needs it, so a service whose traffic never reaches the stage never pays
/// for it. A failed load is retried on the next comment, never cached (design.md on Lazy).
/// </summary>
public sealed class SemanticStage : IDisposable
{
    private readonly Lock _loadLock = new();
    private readonly double _from, _upTo;
    private SentenceEmbedder? _embedder;

    private SemanticStage(SemanticHead spam, SemanticHead toxicity, double from, double upTo, double weight) =>
        (Spam, Toxicity, _from, _upTo, Weight) = (spam, toxicity, from, upTo, weight);

    /// <summary>The head's weight in <see cref="SemanticHead.Combine"/>.</summary>
    public double Weight { get; }

    public SemanticHead Spam { get; }
    public SemanticHead Toxicity { get; }

    /// <summary>The heads of the model folder, or null when the stage is off or a head is missing.</summary>
    public static SemanticStage? Load(string directory, ScoringOptions options)
    {
        if (!options.SemanticStage) return null;
        var spam = Path.Combine(directory, options.SpamSemanticFile);
        var toxicity = Path.Combine(directory, options.ToxicitySemanticFile);
        if (!File.Exists(spam) || !File.Exists(toxicity)) return null;
        return new SemanticStage(SemanticHead.Load(spam), SemanticHead.Load(toxicity), options.SemanticFromScore, options.SemanticUpToScore, options.SemanticWeight);
    }

    public string Version => $"{Spam.Version}+{Toxicity.Version}";

    /// <summary>
    /// The cascade: a comment pays for the embedding only when one of the fast scores is
    /// uncertain (between SemanticFromScore and SemanticUpToScore), or it has a link or a swear
    /// word, where the n-gram models are known to be wrong most often.
    /// </summary>
    public bool Wants(double spam, double toxicity, bool hasLink, bool profane) =>
        hasLink || profane || spam >= _from && spam <= _upTo || toxicity >= _from && toxicity <= _upTo;

    /// <summary>
    /// Embeddings already worked out (the training tool's cache, for evaluating the stage over
    /// thousands of rows); null or a miss embeds the text here.
    /// </summary>
    public Func<string, float[]?>? Precomputed { get; set; }

    /// <summary>How many comments the stage has scored (for the evaluation's cost figures).</summary>
    public long Scored => Interlocked.Read(ref _scored);

    private long _scored;

    /// <summary>Both heads' probabilities for one normalised comment.</summary>
    public (double Spam, double Toxicity) Score(string normalizedText)
    {
        Interlocked.Increment(ref _scored);
        var embedding = Precomputed?.Invoke(normalizedText) ?? Embedder().Embed(normalizedText);
        return (Spam.Probability(embedding), Toxicity.Probability(embedding));
    }

    private SentenceEmbedder Embedder()
    {
        if (Volatile.Read(ref _embedder) is { } ready) return ready;
        lock (_loadLock) return _embedder ??= new SentenceEmbedder();
    }

    public void Dispose() => _embedder?.Dispose();
}
