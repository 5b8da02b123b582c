using Comments.Core.Outbox;
using Comments.Core.Posts;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Posts;

/// <summary>
/// The one way a post reaches the new-posts subscribers, from the announce call or the site's feed:
/// stored once per URL, with its per-post mail and its place in the open daily and weekly digests
/// written in the same transaction.
/// </summary>
public sealed class PostAnnouncer(IPostStore store, IOptions<PostOptions> options, TimeProvider clock)
{
    public async Task<(Post Post, AnnounceResult Result)> AnnounceAsync(string site, Uri url, string title, string? summary,
        DateTimeOffset? published, bool mail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var post = new Post(PostIds.Of(url), url.AbsoluteUri, title.Trim(), string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), published, now);
        var o = options.Value;
        DigestBatch[] digests =
        [
            new(PostFrequency.Daily, TimeSpan.FromSeconds(o.DailyDigestSeconds), batch => PostDigestMailHandler.Item(site, PostFrequency.Daily, batch)),
            new(PostFrequency.Weekly, TimeSpan.FromSeconds(o.WeeklyDigestSeconds), batch => PostDigestMailHandler.Item(site, PostFrequency.Weekly, batch)),
        ];
        var result = await store.AnnounceAsync(post, site, mail ? PostMailHandler.Item(site, post.Id) : null, digests, now, ct);
        return (post, result);
    }
}
