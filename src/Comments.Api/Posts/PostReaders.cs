using System.Runtime.CompilerServices;
using Comments.Core.Subscriptions;

namespace Comments.Api.Posts;

/// <summary>Who gets a site's new posts at one frequency: the addresses that confirmed it (per post, daily or weekly).</summary>
internal static class PostReaders
{
    public static async IAsyncEnumerable<(string Digest, string Email)> PostReadersAsync(this ISubscriptionStore subscriptions, string site,
        PostFrequency frequency, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var digest in await subscriptions.PostSubscribersAsync(site, ct))
            if (await subscriptions.ConfirmedForPostsAsync(site, digest, ct) is { } to && to.Frequency == frequency)
                yield return (digest, to.Email);
    }
}
