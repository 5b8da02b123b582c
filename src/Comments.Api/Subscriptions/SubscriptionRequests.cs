using Comments.Api.Infrastructure;
using Comments.Api.Mail;
using Comments.Core.Comments;
using Comments.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Comments.Api.Subscriptions;

/// <summary>
/// The one way an address asks for mail (the subscribe endpoint, the reply form's "notify me" box):
/// stored as pending, and a confirmation mail queued unless one went to the address in the last day.
/// </summary>
public sealed class SubscriptionRequests(ISubscriptionStore store, StoreDigests digests, IOptions<MailOptions> mail, TimeProvider clock,
    ILogger<SubscriptionRequests> logger)
{
    /// <summary>At most one confirmation mail per address per site in this time.</summary>
    public static readonly TimeSpan ConfirmationInterval = TimeSpan.FromDays(1);

    public bool Enabled => mail.Value.Enabled;

    /// <summary>
    /// The reply form's "notify me of follow-up comments" and "notify me of new posts" boxes, after the comment was stored. The comment
    /// stands whatever happens here: a store error loses the subscription only (the reader may tick again).
    /// <paramref name="language"/> is the form's language tag, already checked.
    /// </summary>
    public async Task AfterSubmissionAsync(string site, string thread, string? email, bool notify, bool notifyPosts, string? language, CancellationToken ct)
    {
        if (!(notify || notifyPosts) || !Enabled || string.IsNullOrWhiteSpace(email)) return;
        try
        {
            // One confirmation mail confirms both: the second request finds the first one's mail queued (or sent) today.
            if (notify) await RequestAsync(site, email, new Subscription(SubscriptionKind.Thread, thread, false), language, ct);
            if (notifyPosts) await RequestAsync(site, email, new Subscription(SubscriptionKind.Posts, null, false), language, ct);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or Core.Engagement.ServerSecretUnavailableException)
        {
            LogNotStored(logger, e.GetType().Name);
        }
    }

    private static readonly Action<ILogger, string, Exception?> LogNotStoredMessage = LoggerMessage.Define<string>(LogLevel.Warning,
        new EventId(1, "SubscriptionNotStored"), "A reply's follow-up subscription was not stored ({Error}); the comment was");

    private static void LogNotStored(ILogger logger, string error) => LogNotStoredMessage(logger, error, null);

    /// <summary>The wire names of <see cref="PostFrequency"/>: <c>post</c>, <c>daily</c>, <c>weekly</c>.</summary>
    public static bool IsFrequency(string value) => value is "post" or "daily" or "weekly";

    public static PostFrequency Frequency(string? value) => value switch
    {
        "daily" => PostFrequency.Daily,
        "weekly" => PostFrequency.Weekly,
        _ => PostFrequency.Post,
    };

    /// <param name="language">The language tag of the form the reader used (<c>de-AT</c>): their mails and pages are in it. Null: the site's.</param>
    public async Task<RequestResult> RequestAsync(string site, string email, Subscription subscription, string? language, CancellationToken ct)
    {
        await digests.ReadyAsync(ct);
        var address = email.Trim();
        var digest = digests.Email(address);
        var now = clock.GetUtcNow();
        return await store.RequestAsync(site, digest, address, subscription,
            ConfirmationMailHandler.Item(site, digest, now), ConfirmationInterval, now, UiStrings.Primary(language), ct);
    }
}
