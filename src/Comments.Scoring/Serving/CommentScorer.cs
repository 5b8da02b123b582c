using Comments.Core.Scoring;
using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Model;
using Comments.Scoring.Policy;
using Comments.Scoring.Semantic;
using Comments.Scoring.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comments.Scoring.Serving;

/// <summary>
/// Scores comments with the spam and toxicity models of a folder, in-process. Thread-safe:
/// the models are immutable and swapped as one pair on reload; each thread featurizes into
/// its own reusable buffer. A missing model gives a null score and Ready=false, so the
/// pipeline holds the comment (fail closed).
/// </summary>
public sealed partial class CommentScorer : ICommentScorer, IDisposable
{
    [ThreadStatic] private static FeatureBuffer? t_buffer;

    private readonly ILogger<CommentScorer> _logger;
    private readonly string _spamPath, _toxicityPath;
    private readonly int _maxTerms;
    private readonly double _explainFrom, _secondLookFrom;
    private readonly ModelFileWatcher? _watcher;
    private readonly Lock _reloadLock = new();
    private volatile LoadedModels _models;
    private readonly SpamSignals? _signals;
    private readonly SemanticStage? _semantic;

    public CommentScorer(IOptions<ScoringOptions> options, ILogger<CommentScorer> logger, ModelDirectory directory)
    {
        _logger = logger;
        var o = options.Value;
        _spamPath = Path.Combine(directory.Path, o.SpamModelFile);
        _toxicityPath = Path.Combine(directory.Path, o.ToxicityModelFile);
        _maxTerms = o.MaxTerms;
        _explainFrom = o.ExplainFromScore;
        _secondLookFrom = o.SecondLookFromScore;
        _models = ModelLoader.Load(_spamPath, _toxicityPath, previous: null);
        _signals = SpamSignals.Load(Path.Combine(directory.Path, o.SpamSignalsFolder));
        if (_signals is not null) LogSignals(_signals.KeywordCount, _signals.WebsiteCount);
        _semantic = SemanticStage.Load(directory.Path, o);
        if (_semantic is not null) LogSemantic(_semantic.Version);
        LogLoaded(_models.Version, _models.Health.Ready, _models.Health.Description);
        if (o.WatchModelFiles && Directory.Exists(directory.Path))
            _watcher = new ModelFileWatcher(directory.Path, TimeSpan.FromMilliseconds(o.ReloadDelayMilliseconds), Reload);
    }

    public ScorerHealth Health => _models.Health;

    /// <summary>The semantic second stage, when Scoring:SemanticStage is on and its heads are there.</summary>
    public SemanticStage? Semantic => _semantic;

    /// <summary>The version stored on comments: both model files' names and hashes (and the semantic heads' when on).</summary>
    public string ModelVersion => _semantic is null ? _models.Version : $"{_models.Version}+{_semantic.Version}";

    public CommentScores Score(string normalizedText)
    {
        var models = _models;
        var buffer = t_buffer ??= new FeatureBuffer();
        var text = normalizedText ?? string.Empty;
        TextFeaturizer.Featurize(text, buffer);
        var spam = models.Spam?.Probability(buffer);
        var toxicity = models.Toxicity?.Probability(buffer);
        var spamTerms = Terms(models.Spam, spam, buffer, text);
        var toxicTerms = Terms(models.Toxicity, toxicity, buffer, text);
        // Only a comment the toxicity model finds near a hold is looked at again for profanity,
        // quoted abuse and identity words (a swear word alone scores far above SecondLookFromScore); the
        // masks are read off this featurization's tokens, before any rescoring replaces them. Threats,
        // dehumanising talk of a group and derogation of one are looked for in every comment: "Gas the Jews"
        // scores 0.11, "Muslims are vermin" 0.28, "Refugees can't be trusted" 0.12.
        string? withoutQuotes = null, withoutProfanity = null, withoutIdentity = null;
        var profane = false;
        var attacks = models.Toxicity is not null ? AbuseContext.ReadAttacks(buffer.Tokens) : default;
        var pitch = models.Spam is not null ? Solicitation.Find(text, buffer.Tokens) : null;
        if (models.Toxicity is not null && toxicity >= _secondLookFrom)
        {
            profane = AbuseContext.HasProfanity(buffer.Tokens);
            withoutQuotes = AbuseContext.Mask(text, buffer.Tokens, profanity: false);
            withoutProfanity = profane ? AbuseContext.Mask(text, buffer.Tokens, profanity: true) : null;
            withoutIdentity = AbuseContext.HasIdentityTerm(buffer.Tokens) ? AbuseContext.Mask(text, buffer.Tokens, profanity: false, identity: true) : null;
        }
        // Read off this featurization's tokens too, before the rescoring below replaces them.
        var semantic = _semantic is { } stage && spam is { } s && toxicity is { } t
            && stage.Wants(s, t, Links.Count(text) > 0, profane || AbuseContext.HasProfanity(buffer.Tokens));
        var scores = new CommentScores(spam, toxicity, models.Version, spamTerms, toxicTerms,
            SpamWithoutLinks(models.Spam, spam, buffer, text),
            Rescore(models.Toxicity, withoutQuotes, buffer),
            Rescore(models.Toxicity, withoutProfanity, buffer),
            profane, attacks.Threat, _signals?.Find(text),
            Rescore(models.Toxicity, withoutIdentity, buffer), attacks.Dehumanising, attacks.Derogatory, pitch);
        return semantic ? SecondStage(scores, text, spam!.Value, toxicity!.Value) : scores;
    }

    /// <summary>
    /// The semantic stage, for the comments the cascade sent it (<see cref="SemanticStage.Wants"/>): every toxicity (also the
    /// second looks, which stay the n-gram model's reading of the masked text) and the spam score
    /// are combined with the heads' opinion of the whole comment. The link-blind spam score stays
    /// the n-gram model's: it says whether the words without their links are spam.
    /// </summary>
    private CommentScores SecondStage(CommentScores scores, string text, double spam, double toxicity)
    {
        var (semanticSpam, semanticToxicity) = _semantic!.Score(text);
        var weight = _semantic.Weight;
        double? Toxic(double? fast) => fast is { } f ? SemanticHead.Combine(f, semanticToxicity, weight) : null;
        return scores with
        {
            Spam = SemanticHead.Combine(spam, semanticSpam, weight),
            Toxicity = SemanticHead.Combine(toxicity, semanticToxicity, weight),
            ToxicityWithoutQuotes = Toxic(scores.ToxicityWithoutQuotes),
            ToxicityWithoutProfanity = Toxic(scores.ToxicityWithoutProfanity),
            ToxicityWithoutIdentity = Toxic(scores.ToxicityWithoutIdentity),
            ModelVersion = $"{scores.ModelVersion}+{_semantic.Version}",
        };
    }

    private static double? Rescore(LinearTextModel? model, string? maskedText, FeatureBuffer buffer)
    {
        if (model is null || maskedText is null) return null;
        TextFeaturizer.Featurize(maskedText, buffer);
        return model.Probability(buffer);
    }

    /// <summary>
    /// The spam data (YouTube, SMS) has links almost only in spam, so a link alone can push an
    /// ordinary comment over the spam threshold. Scoring the text again without its addresses
    /// lets the decision see that. Only worked out when the spam score is worth explaining.
    /// </summary>
    private double? SpamWithoutLinks(LinearTextModel? model, double? spam, FeatureBuffer buffer, string text)
    {
        if (model is null || !(spam >= _explainFrom) || Links.Count(text) == 0) return null;
        TextFeaturizer.Featurize(Links.Remove(text), buffer);
        return model.Probability(buffer);
    }

    private IReadOnlyList<string> Terms(LinearTextModel? model, double? score, FeatureBuffer buffer, string text) =>
        model is not null && score >= _explainFrom ? model.TopTerms(buffer, text, _maxTerms) : [];

    /// <summary>Reads the model files again and swaps them in (called by the file watcher).</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            var reloaded = ModelLoader.Load(_spamPath, _toxicityPath, _models);
            if (reloaded.Version == _models.Version && reloaded.Health == _models.Health) return;
            _models = reloaded;
            LogLoaded(reloaded.Version, reloaded.Health.Ready, reloaded.Health.Description);
        }
        ModelsChanged?.Invoke(ModelVersion);
    }

    /// <summary>Raised after a reload swapped in different models, with the new version.</summary>
    public event Action<string>? ModelsChanged;

    public void Dispose()
    {
        _watcher?.Dispose();
        _semantic?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic stage on: heads {Version} (the sentence encoder loads at the first comment that needs it)")]
    private partial void LogSemantic(string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spam lists loaded: {Keywords} keyword patterns, {Websites} site patterns")]
    private partial void LogSignals(int keywords, int websites);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring models {Version} loaded (ready: {Ready}): {Description}")]
    private partial void LogLoaded(string version, bool ready, string description);
}
