using Comments.Core.Scoring;
using Comments.Core.Storage;
using Comments.Core.Submissions;

namespace Comments.Core.Rules;

/// <summary>
/// The decision rules that judge a comment's text, as the service registers them
/// (Comments.Api, CommentsServiceExtensions), for what judges text outside a request: the training
/// tool's decision evaluation and <c>comments-admin import --score</c>. The honeypot is left out: rows have no hidden field.
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
