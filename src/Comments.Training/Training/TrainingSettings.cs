namespace Comments.Training.Training;

/// <param name="Kind">spam or toxicity: names the model file.</param>
/// <param name="TrainSplits">Rows whose split is one of these are trained on; rows without a split are too.</param>
/// <param name="ExcludeGroups">Groups left out of training (leave-one-video-out).</param>
/// <param name="SourceWeights">Multiplies the weight of every row of a source.</param>
/// <param name="BalanceClasses">Reweights each source so that its toxic and clean rows weigh the same in total.</param>
/// <param name="NbAlpha">Smoothing of the naive Bayes slot scales (<see cref="NaiveBayesScale"/>).</param>
/// <param name="NbBeta">How far the slot scales move from 1 towards |log-count ratio|; 0 switches them off.</param>
/// <param name="Holdout">Keeps a stable fifth of the training rows out of training and reports on it (for choosing settings without looking at `test`).</param>
public sealed record TrainingSettings(
    string Kind,
    IReadOnlyList<string> TrainSplits,
    IReadOnlyList<string> ExcludeGroups,
    IReadOnlyDictionary<string, float> SourceWeights,
    bool BalanceClasses = false,
    bool Holdout = false,
    float L2 = 2f,
    float L1 = 0.5f,
    int MaxIterations = 300,
    int Seed = 20261128,
    float NbAlpha = 1f,
    float NbBeta = 0.75f);
