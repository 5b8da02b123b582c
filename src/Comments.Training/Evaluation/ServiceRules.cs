using Comments.Core.Rules;
using Comments.Core.Scoring;
using Comments.Core.Storage;
using Comments.Core.Submissions;

namespace Comments.Training.Evaluation;

/// <summary>
/// The decision rules that judge a comment's text, as the service registers them
/// (Comments.Api, CommentsServiceExtensions). The honeypot is left out: rows have no hidden field.
/// </summary>
public static class ServiceRules
{
    public static IEnumerable<IDecisionRule> Create(ICommentScorer scorer, IAuthorHistory history) =>
    [
        new WordListRule(),
        new LinkCountRule(history),
        new ModelRule(scorer, history),
    ];
}
