using System.Text.Json.Nodes;
using Comments.Core.PersonalData;
using Comments.Core.Subscriptions;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Mail subscriptions are kept per email digest (the same keyed digest a personal-data request
/// locates), so a person's subscriptions are one hash. Erasure deletes them as unsubscribing does,
/// and the one-confirmation-a-day marker with them.
/// </summary>
public sealed class RedisSubscriptionPersonalData(IConnectionMultiplexer redis) : IPersonalDataSource
{
    public string Section => "subscriptions";
    public int EraseOrder => 50;

    private RedisSubscriptionStore Store => new(redis);

    public async Task<JsonArray> ExportAsync(PersonalDataSubject subject, CancellationToken ct = default)
    {
        var items = new JsonArray();
        if (await Store.GetAsync(subject.Site, subject.EmailDigest, ct) is not { } subscriber) return items;
        foreach (var s in subscriber.Subscriptions)
            items.Add(new JsonObject
            {
                ["kind"] = s.Kind == SubscriptionKind.Posts ? "posts" : "thread",
                ["thread"] = s.Thread,
                ["confirmed"] = s.Confirmed,
                ["frequency"] = s.Kind == SubscriptionKind.Posts ? Core.Posts.PostIds.Name(s.Frequency) : null,
                ["language"] = subscriber.Language,
            });
        return items;
    }

    public async Task<ErasedPart> EraseAsync(PersonalDataSubject subject, ErasedTextPolicy policy, CancellationToken ct = default)
    {
        var count = (await Store.GetAsync(subject.Site, subject.EmailDigest, ct))?.Subscriptions.Count ?? 0;
        await Store.DeleteAsync(subject.Site, subject.EmailDigest, ct);
        await redis.GetDatabase().KeyDeleteAsync(RedisKeys.ConfirmationSent(subject.Site, subject.EmailDigest));
        return new ErasedPart(Section, count, []);
    }
}
