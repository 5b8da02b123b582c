using Comments.Core.Scoring;
using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Model;
using Comments.Scoring.Policy;
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
        LogLoaded(_models.Version, _models.Health.Ready, _models.Health.Description);
        if (o.WatchModelFiles && Directory.Exists(directory.Path))
            _watcher = new ModelFileWatcher(directory.Path, TimeSpan.FromMilliseconds(o.ReloadDelayMilliseconds), Reload);
    }

    public ScorerHealth Health => _models.Health;

    /// <summary>The version stored on comments: both model files' names and hashes.</summary>
    public string ModelVersion => _models.Version;

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
        // quoted abuse and threats (a swear word alone scores far above SecondLookFromScore); the
        // masks are read off this featurization's tokens, before any rescoring replaces them.
        string? withoutQuotes = null, withoutProfanity = null;
        bool profane = false, threat = false;
        if (models.Toxicity is not null && toxicity >= _secondLookFrom)
        {
            profane = AbuseContext.HasProfanity(buffer.Tokens);
            threat = AbuseContext.IsThreat(buffer.Tokens);
            withoutQuotes = AbuseContext.Mask(text, buffer.Tokens, profanity: false);
            withoutProfanity = profane ? AbuseContext.Mask(text, buffer.Tokens, profanity: true) : null;
        }
        return new CommentScores(spam, toxicity, models.Version, spamTerms, toxicTerms,
            SpamWithoutLinks(models.Spam, spam, buffer, text),
            Rescore(models.Toxicity, withoutQuotes, buffer),
            Rescore(models.Toxicity, withoutProfanity, buffer),
            profane, threat, _signals?.Find(text));
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

    public void Dispose() => _watcher?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Spam lists loaded: {Keywords} keyword patterns, {Websites} site patterns")]
    private partial void LogSignals(int keywords, int websites);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring models {Version} loaded (ready: {Ready}): {Description}")]
    private partial void LogLoaded(string version, bool ready, string description);
}
