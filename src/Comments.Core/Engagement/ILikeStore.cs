namespace Comments.Core.Engagement;

/// <summary>Likes: one per comment per reader token, with a cap per address and comment.</summary>
public interface ILikeStore
{
    Task<LikeOutcome> LikeAsync(string site, string threadId, string commentId, string readerKey, string addressKey, CancellationToken ct = default);

    /// <summary>Like counts of a thread's comments (comments without likes are absent).</summary>
    Task<IReadOnlyDictionary<string, long>> CountsAsync(string site, string threadId, CancellationToken ct = default);
}
