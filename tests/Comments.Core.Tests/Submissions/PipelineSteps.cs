using Comments.Core.Comments;
using Comments.Core.Engagement;
using Comments.Core.Events;
using Comments.Core.Storage;
using Comments.Core.Submissions;

namespace Comments.Core.Tests.Submissions;

/// <summary>
/// What the pipeline asks of the store, the guards, the rules and the event path, written down in
/// the order it asks. This is a recorder for the step-order tests, not a store: the pipeline's
/// answers against a real store are tested in Comments.Api.Tests and Comments.Storage.Tests.
/// Operations the submission path must not use throw.
/// </summary>
internal sealed class PipelineSteps : ICommentStore, ISubmissionGuards, ICommentEventPublisher, IServerSecret
{
    private long _sequence;

    public List<string> Log { get; } = [];
    public CommentThread? Thread { get; init; }
    public Ban? Ban { get; init; }
    public bool DuplicateText { get; init; }
    public List<NewCommentWrite> Saved { get; } = [];
    public List<CommentEvent> Events { get; } = [];

    /// <summary>A decision rule that writes its name in the log and decides <paramref name="decides"/>.</summary>
    public IDecisionRule Rule(string name, int order, CommentStatus? decides = null) => new Step(this, name, order, decides);

    public byte[] Key { get; } = new byte[32];
    public ValueTask LoadAsync(CancellationToken ct = default) => Record("secret", ValueTask.CompletedTask);

    public Task<CommentThread?> GetThreadAsync(string site, string threadId, CancellationToken ct = default) => Record("thread", Task.FromResult(Thread));
    public Task<Comment?> GetAsync(string site, string id, CancellationToken ct = default) => Record("parent", Task.FromResult<Comment?>(null));
    public Task<Ban?> FindBanAsync(string site, string? emailDigest, string ip, string? nameKey, CancellationToken ct = default) => Record("ban", Task.FromResult(Ban));
    public Task<bool> IsDuplicateAsync(string site, string threadId, string textDigest, CancellationToken ct = default) => Record("duplicate", Task.FromResult(DuplicateText));
    public Task<TimeSpan?> FloodWaitAsync(string site, IReadOnlyCollection<string> keys, CancellationToken ct = default) => Record("flood-read", Task.FromResult<TimeSpan?>(null));
    public Task<SubmissionAnswer?> FindAnswerAsync(string site, string idempotencyKey, CancellationToken ct = default) => Record("idempotency", Task.FromResult<SubmissionAnswer?>(null));
    public Task<long> NextSequenceAsync(string site, CancellationToken ct = default) => Record("sequence", Task.FromResult(++_sequence));

    public Task<SaveOutcome> SaveNewAsync(NewCommentWrite write, CancellationToken ct = default)
    {
        Saved.Add(write);
        // The save opens the flood window in the comment's own transaction when the site has one.
        return Record(write.Flood is null ? "save" : "save+flood", Task.FromResult(new SaveOutcome(SaveStatus.Saved, 1)));
    }

    public void Publish(CommentEvent commentEvent)
    {
        Events.Add(commentEvent);
        Log.Add($"event:{commentEvent.Kind}");
    }

    private T Record<T>(string step, T answer)
    {
        Log.Add(step);
        return answer;
    }

    public Task<CommentPage> ListPublishedAsync(string site, string threadId, PageQuery query, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, long>> CountPublishedAsync(string site, IReadOnlyCollection<string> threadIds, CancellationToken ct = default) => throw new NotSupportedException();
    public Task SetThreadClosedAsync(string site, string threadId, bool closed, CancellationToken ct = default) => throw new NotSupportedException();
    public Task SetThreadDetailsAsync(string site, string threadId, string? title, string? url, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<TimeSpan> PingAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public Task AddBanAsync(string site, Ban ban, CancellationToken ct = default) => throw new NotSupportedException();
    public Task RemoveBanAsync(string site, BanKind kind, string value, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<Ban>> ListBansAsync(string site, CancellationToken ct = default) => throw new NotSupportedException();

    private sealed class Step(PipelineSteps steps, string name, int order, CommentStatus? decides) : IDecisionRule
    {
        public int Order => order;

        public ValueTask<CommentStatus?> DecideAsync(SubmissionContext context, CancellationToken ct)
        {
            steps.Log.Add($"rule:{name}");
            if (decides is not null) context.Reasons.Add(new CommentReason($"test.{name}", $"{name} decided."));
            return ValueTask.FromResult(decides);
        }
    }
}
