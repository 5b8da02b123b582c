using Comments.Core.Outbox;
using Comments.Core.Subscriptions;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Subscribers by the digest of their address. The subscriber's hash holds the address (field <c>email</c>)
/// and one field per subscription (<c>thread:{id}</c>, <c>posts</c>) worth <c>p</c> (pending) or <c>c</c>
/// (confirmed), and <c>posts-frequency</c> (<c>post</c>, <c>daily</c>, <c>weekly</c>) with <c>posts</c>, and the language it
/// subscribed in (field <c>lang</c>, when known); a thread's confirmed subscribers are also in a set, for its batch mail,
/// and the site's new-posts subscribers in another. Deleting an address deletes the hash and takes its digest out of every set.
/// </summary>
public sealed class RedisSubscriptionStore(IConnectionMultiplexer redis) : ISubscriptionStore
{
    private const string EmailField = "email";
    private const string LanguageField = "lang";
    private const string PostsField = "posts";
    private const string FrequencyField = "posts-frequency";
    private const string ThreadPrefix = "thread:";
    private const string Pending = "p", Confirmed = "c";

    private IDatabase Db => redis.GetDatabase();

    public async Task<RequestResult> RequestAsync(string site, string digest, string email, Subscription subscription,
        OutboxItem confirmation, TimeSpan confirmationInterval, DateTimeOffset now, string? language, CancellationToken ct = default)
    {
        var key = RedisKeys.Subscriber(site, digest);
        var field = Field(subscription);
        if (await Db.HashGetAsync(key, field) == Confirmed) return RequestResult.AlreadyConfirmed;

        // At most one confirmation per address per interval: whoever typed the address, its owner gets one mail a day.
        var mayMail = await RedisMailInterval.QueueAsync(Db, RedisKeys.ConfirmationSent(site, digest), confirmationInterval, confirmation, now, tx =>
        {
            _ = tx.HashSetAsync(key, EmailField, email);
            if (language is not null) _ = tx.HashSetAsync(key, LanguageField, language);
            _ = tx.HashSetAsync(key, field, Pending, When.NotExists);
            if (subscription.Kind == SubscriptionKind.Posts) _ = tx.HashSetAsync(key, FrequencyField, subscription.Frequency.ToString());
        });
        return mayMail ? RequestResult.ConfirmationQueued : RequestResult.ConfirmationLimited;
    }

    public async Task<bool> ConfirmAsync(string site, string digest, CancellationToken ct = default)
    {
        var key = RedisKeys.Subscriber(site, digest);
        var fields = await Db.HashGetAllAsync(key);
        if (fields.Length == 0) return false;
        var tx = redis.NewTransaction();
        tx.AddCondition(Condition.KeyExists(key));
        foreach (var entry in fields.Where(f => IsSubscription(f.Name)))
        {
            _ = tx.HashSetAsync(key, entry.Name, Confirmed);
            if (ThreadOf(entry.Name) is { } thread) _ = tx.SetAddAsync(RedisKeys.ThreadSubscribers(site, thread), digest);
            else _ = tx.SetAddAsync(RedisKeys.PostSubscribers(site), digest);
        }
        return await tx.ExecuteGatedAsync();
    }

    public async Task<Subscriber?> GetAsync(string site, string digest, CancellationToken ct = default)
    {
        var fields = await Db.HashGetAllAsync(RedisKeys.Subscriber(site, digest));
        var email = fields.FirstOrDefault(f => f.Name == EmailField).Value;
        if (email.IsNullOrEmpty) return null;
        var frequency = Frequency(fields.FirstOrDefault(f => f.Name == FrequencyField).Value);
        var subscriptions = fields.Where(f => IsSubscription(f.Name))
            .Select(f => ThreadOf(f.Name) is { } thread
                ? new Subscription(SubscriptionKind.Thread, thread, f.Value == Confirmed)
                : new Subscription(SubscriptionKind.Posts, null, f.Value == Confirmed, frequency))
            .OrderBy(s => s.Kind).ThenBy(s => s.Thread, StringComparer.Ordinal).ToList();
        var language = fields.FirstOrDefault(f => f.Name == LanguageField).Value;
        return new Subscriber(email!, subscriptions, language.IsNullOrEmpty ? null : (string?)language);
    }

    public async Task<string?> LanguageAsync(string site, string digest, CancellationToken ct = default) =>
        await Db.HashGetAsync(RedisKeys.Subscriber(site, digest), LanguageField);

    public async Task<string?> ConfirmedForThreadAsync(string site, string digest, string thread, CancellationToken ct = default)
    {
        var values = await Db.HashGetAsync(RedisKeys.Subscriber(site, digest), [EmailField, ThreadPrefix + thread]);
        return values[1] == Confirmed && !values[0].IsNullOrEmpty ? (string?)values[0] : null;
    }

    public async Task<IReadOnlyList<string>> ThreadSubscribersAsync(string site, string thread, CancellationToken ct = default) =>
        (await Db.SetMembersAsync(RedisKeys.ThreadSubscribers(site, thread))).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList();

    public async Task<bool> DeleteAsync(string site, string digest, CancellationToken ct = default)
    {
        var key = RedisKeys.Subscriber(site, digest);
        var fields = await Db.HashKeysAsync(key);
        var tx = redis.NewTransaction();
        foreach (var field in fields)
            if (ThreadOf(field) is { } thread) _ = tx.SetRemoveAsync(RedisKeys.ThreadSubscribers(site, thread), digest);
        _ = tx.SetRemoveAsync(RedisKeys.PostSubscribers(site), digest);
        var deleted = tx.KeyDeleteAsync(key);
        await tx.ExecuteGatedAsync();
        return await deleted;
    }

    public async Task RemoveThreadAsync(string site, string digest, string thread, CancellationToken ct = default)
    {
        var tx = redis.NewTransaction();
        _ = tx.HashDeleteAsync(RedisKeys.Subscriber(site, digest), ThreadPrefix + thread);
        _ = tx.SetRemoveAsync(RedisKeys.ThreadSubscribers(site, thread), digest);
        await tx.ExecuteGatedAsync();
    }

    public async Task RemovePostsAsync(string site, string digest, CancellationToken ct = default)
    {
        var tx = redis.NewTransaction();
        _ = tx.HashDeleteAsync(RedisKeys.Subscriber(site, digest), [PostsField, FrequencyField]);
        _ = tx.SetRemoveAsync(RedisKeys.PostSubscribers(site), digest);
        await tx.ExecuteGatedAsync();
    }

    public async Task<bool> SetPostFrequencyAsync(string site, string digest, PostFrequency frequency, CancellationToken ct = default)
    {
        var key = RedisKeys.Subscriber(site, digest);
        var tx = redis.NewTransaction();
        tx.AddCondition(Condition.HashExists(key, PostsField));
        _ = tx.HashSetAsync(key, FrequencyField, frequency.ToString());
        return await tx.ExecuteGatedAsync();
    }

    public async Task<IReadOnlyList<string>> PostSubscribersAsync(string site, CancellationToken ct = default) =>
        (await Db.SetMembersAsync(RedisKeys.PostSubscribers(site))).Select(v => (string)v!).Order(StringComparer.Ordinal).ToList();

    public async Task<(string Email, PostFrequency Frequency)?> ConfirmedForPostsAsync(string site, string digest, CancellationToken ct = default)
    {
        var values = await Db.HashGetAsync(RedisKeys.Subscriber(site, digest), [EmailField, PostsField, FrequencyField]);
        return values[1] == Confirmed && !values[0].IsNullOrEmpty ? ((string)values[0]!, Frequency(values[2])) : null;
    }

    public async Task AddToThreadBatchAsync(string site, string thread, long window, string commentId, OutboxItem batchMail, DateTimeOffset due, CancellationToken ct = default)
    {
        var key = RedisKeys.ThreadDigest(site, thread, window);
        var tx = redis.NewTransaction();
        _ = tx.SetAddAsync(key, commentId);
        _ = tx.KeyExpireAsync(key, BatchMemory);
        RedisOutbox.Add(tx, batchMail, due);
        await tx.ExecuteGatedAsync();
    }

    public async Task<IReadOnlyList<string>> ThreadBatchAsync(string site, string thread, long window, CancellationToken ct = default) =>
        (await Db.SetMembersAsync(RedisKeys.ThreadDigest(site, thread, window))).Select(v => (string)v!).ToList();

    /// <summary>A batch's comment ids are kept long past its mail's retries.</summary>
    private static readonly TimeSpan BatchMemory = TimeSpan.FromDays(8);

    private static string Field(Subscription s) => s.Kind == SubscriptionKind.Posts ? PostsField : ThreadPrefix + Core.Comments.Ids.Thread(s.Thread!);

    private static bool IsSubscription(RedisValue field) => field != EmailField && field != FrequencyField && field != LanguageField;

    private static PostFrequency Frequency(RedisValue value) =>
        Enum.TryParse<PostFrequency>((string?)value, out var f) && Enum.IsDefined(f) ? f : PostFrequency.Post;

    private static string? ThreadOf(RedisValue field) =>
        ((string?)field) is { } f && f.StartsWith(ThreadPrefix, StringComparison.Ordinal) ? f[ThreadPrefix.Length..] : null;
}
