using System.Globalization;
using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;

namespace Comments.Api.Moderation;

/// <summary>Builds the moderator's view of comments: reports and author history are read in as few round trips as possible.</summary>
public sealed class ModerationItems(IModerationStore store, StoreDigests digests)
{
    public async Task<ModerationItem> OneAsync(Comment comment, CancellationToken ct) =>
        (await ManyAsync([comment], null, ct))[0];

    public async Task<IReadOnlyList<ModerationItem>> ManyAsync(IReadOnlyList<Comment> comments, ModerationQueue? listed, CancellationToken ct)
    {
        var histories = new Dictionary<string, Task<AuthorHistory>>(StringComparer.Ordinal);
        if (comments.Any(c => c.AuthorEmail is not null)) await digests.ReadyAsync(ct);
        foreach (var email in comments.Select(c => c.AuthorEmail).OfType<string>().Select(digests.Email).Distinct())
            histories[email] = store.AuthorHistoryAsync(comments[0].Site, email, ct);
        var reports = comments.Select(c => store.ReportsAsync(c.Site, c.Id, ct)).ToArray();
        await Task.WhenAll(histories.Values.Cast<Task>().Concat(reports));

        return comments.Select((c, i) =>
        {
            var report = reports[i].Result;
            var queue = listed ?? (report.Reported ? ModerationQueue.Reported : ModerationQueues.Of(c.Status));
            var history = c.AuthorEmail is { } e ? histories[digests.Email(e)].Result : null;
            return From(c, queue, report, history);
        }).ToList();
    }

    private static ModerationItem From(Comment c, ModerationQueue queue, ReportState report, AuthorHistory? history) => new(
        c.Id, c.Site, c.ThreadId, c.ParentId, queue.Name(), CommentDecisions.Name(c.Status), c.Text, c.Html,
        c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Ip, c.UserAgent, c.CreatedAt, c.UpdatedAt,
        c.SpamScore, c.ToxicityScore, c.ModelVersion, c.Reasons, c.Pinned, report.Reported, report.Flags, history,
        c.Seq.ToString(CultureInfo.InvariantCulture));
}
