using System.Globalization;
using System.Net;
using Comments.Api.Mail;
using Comments.Core.Outbox;
using Comments.Core.Posts;
using Comments.Core.Sites;
using Comments.Core.Subscriptions;

namespace Comments.Api.Posts;

/// <summary>A daily or weekly batch of posts, due: one mail listing them to each address that chose that digest.</summary>
public sealed class PostDigestMailHandler(SiteDirectory sites, IPostStore posts, ISubscriptionStore subscriptions, MailComposer composer) : IOutboxHandler
{
    private const int MaxPostsPerMail = 100;

    public string Kind => PostOutboxKinds.Digest;

    public static OutboxItem Item(string site, PostFrequency frequency, long batch) =>
        new($"post-digest:{frequency.Name()}:{batch}", PostOutboxKinds.Digest, site, new Dictionary<string, string>
        {
            ["frequency"] = frequency.Name(),
            ["batch"] = batch.ToString(CultureInfo.InvariantCulture),
        });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site
            || !Enum.TryParse<PostFrequency>(item.Get("frequency"), ignoreCase: true, out var frequency)
            || !long.TryParse(item.Get("batch"), CultureInfo.InvariantCulture, out var batch)) return;
        var gathered = new List<Post>();
        foreach (var id in await posts.DigestAsync(site.Id, frequency, batch, ct))
            if (await posts.GetAsync(site.Id, id, ct) is { } post) gathered.Add(post);
        if (gathered.Count == 0) return;
        gathered = gathered.OrderBy(p => p.Announced).ThenBy(p => p.Id, StringComparer.Ordinal).Take(MaxPostsPerMail).ToList();
        var values = new Dictionary<string, string>
        {
            ["posts_text"] = string.Concat(gathered.Select(p => $"{p.Title}\n{p.Url}\n{(p.Summary is { } s ? s + "\n" : "")}\n")),
            ["posts_html"] = string.Concat(gathered.Select(p =>
                $"<h2><a href=\"{WebUtility.HtmlEncode(p.Url)}\">{WebUtility.HtmlEncode(p.Title)}</a></h2>{(p.Summary is { } s ? $"<p>{WebUtility.HtmlEncode(s)}</p>" : "")}")),
            ["count"] = gathered.Count.ToString(CultureInfo.InvariantCulture),
            ["post_title"] = gathered[0].Title,
        };
        // One post: the subject of a post's own mail; more: mail.post_digest.subject, counted.
        var subjectKey = gathered.Count == 1 ? $"mail.{MailTemplates.Post}.subject" : null;
        var period = new Dictionary<string, string> { ["period"] = frequency == PostFrequency.Daily ? "mail.post_digest.today" : "mail.post_digest.this_week" };
        await foreach (var (digest, email) in subscriptions.PostReadersAsync(site.Id, frequency, ct))
            await composer.SendOnceAsync(new ReaderMail(site, $"{item.Id}.{digest}", email, digest, null, MailTemplates.PostDigest, values,
                Texts: period, SubjectKey: subjectKey), ct);
    }
}
