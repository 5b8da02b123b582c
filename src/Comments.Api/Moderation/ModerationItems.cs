using System.Globalization;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;

namespace Comments.Api.Moderation;

/// <summary>Builds the moderator's view of comments: reports and author history are read in as few round trips as possible.</summary>
public sealed class ModerationItems(IModerationStore store, ICommentStore comments, StoreDigests digests)
{
    public async Task<ModerationItem> OneAsync(Comment comment, CancellationToken ct) =>
        (await ManyAsync([comment], null, ct))[0];

    public async Task<IReadOnlyList<ModerationItem>> ManyAsync(IReadOnlyList<Comment> listedComments, ModerationQueue? listed, CancellationToken ct)
    {
        if (listedComments.Count == 0) return [];
        var site = listedComments[0].Site;
        var histories = new Dictionary<string, Task<AuthorHistory>>(StringComparer.Ordinal);
        if (listedComments.Any(c => c.AuthorEmail is not null)) await digests.ReadyAsync(ct);
        foreach (var email in listedComments.Select(c => c.AuthorEmail).OfType<string>().Select(digests.Email).Distinct())
            histories[email] = store.AuthorHistoryAsync(site, email, ct);
        var threads = listedComments.Select(c => c.ThreadId).Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => comments.GetThreadAsync(site, t, ct), StringComparer.Ordinal);
        var reports = listedComments.Select(c => store.ReportsAsync(c.Site, c.Id, ct)).ToArray();
        await Task.WhenAll(histories.Values.Cast<Task>().Concat(threads.Values).Concat(reports));

        return listedComments.Select((c, i) =>
        {
            var report = reports[i].Result;
            var queue = listed ?? (report.Reported ? ModerationQueue.Reported : ModerationQueues.Of(c.Status));
            var history = c.AuthorEmail is { } e ? histories[digests.Email(e)].Result : null;
            var article = threads[c.ThreadId].Result is { } t && (t.Title is not null || t.Url is not null) ? new ArticleLink(t.Title, t.Url) : null;
            return From(c, article, queue, report, history);
        }).ToList();
    }

    private static ModerationItem From(Comment c, ArticleLink? article, ModerationQueue queue, ReportState report, AuthorHistory? history) => new(
        c.Id, c.Site, c.ThreadId, article, c.ParentId, queue.Name(), CommentDecisions.Name(c.Status), c.Text, c.Html,
        c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Ip, c.UserAgent, c.CreatedAt, c.UpdatedAt,
        c.SpamScore, c.ToxicityScore, c.ModelVersion, c.Reasons, c.Pinned, report.Reported, report.Flags, history,
        c.Seq.ToString(CultureInfo.InvariantCulture));
}
