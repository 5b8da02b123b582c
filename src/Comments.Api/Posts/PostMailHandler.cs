using Comments.Api.Mail;
using Comments.Core.Outbox;
using Comments.Core.Posts;
using Comments.Core.Sites;
using Comments.Core.Subscriptions;

namespace Comments.Api.Posts;

/// <summary>An announced post, to each address that confirmed the site's new posts one mail per post.</summary>
public sealed class PostMailHandler(SiteDirectory sites, IPostStore posts, ISubscriptionStore subscriptions, MailComposer composer) : IOutboxHandler
{
    public string Kind => PostOutboxKinds.Post;

    public static OutboxItem Item(string site, string postId) =>
        new($"post:{postId}", PostOutboxKinds.Post, site, new Dictionary<string, string> { ["post"] = postId });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("post") is not { } id || await posts.GetAsync(site.Id, id, ct) is not { } post) return;
        await foreach (var (digest, email) in subscriptions.PostReadersAsync(site.Id, PostFrequency.Post, ct))
            await composer.SendOnceAsync(new ReaderMail(site, $"{item.Id}.{digest}", email, digest, null, MailTemplates.Post, Values(post)), ct);
    }

    internal static Dictionary<string, string> Values(Post post) => new()
    {
        ["post_title"] = post.Title,
        ["post_url"] = post.Url,
        ["post_summary"] = post.Summary ?? "",
    };
}
