using Comments.Core;
using Comments.Core.Comments;
using StackExchange.Redis;

namespace Comments.Storage;

/// <summary>
/// Every key format in one place. All keys of a site share the hash tag <c>{site}</c>, so a
/// transaction never spans Redis Cluster slots and a cluster spreads sites over shards.
/// <para>
/// No id can name another key, by construction: every id is checked against its pattern in
/// <see cref="Ids"/> (a malformed one throws <see cref="InvalidIdException"/>), at most one
/// user-supplied part ends each key, and no key prefix that ends in a user-supplied id is a
/// prefix of any other key format. Thread ids may contain ':', so a thread's own indexes live
/// under their own prefixes (<c>thread-published:{thread}</c>), never under <c>thread:{thread}:…</c>,
/// where thread "X:published" would have been thread X's index.
/// </para>
/// </summary>
public static class RedisKeys
{
    public static RedisKey Sequence(string site) => $"c:{{{S(site)}}}:seq";
    public static RedisKey Comment(string site, string id) => $"c:{{{S(site)}}}:comment:{C(id)}";
    public static RedisKey Thread(string site, string thread) => $"c:{{{S(site)}}}:thread:{T(thread)}";
    /// <summary>Sorted set of published comment ids by sequence: what readers page through.</summary>
    public static RedisKey ThreadPublished(string site, string thread) => $"c:{{{S(site)}}}:thread-published:{T(thread)}";
    /// <summary>Sorted set of every comment id of the thread, whatever its status.</summary>
    public static RedisKey ThreadAll(string site, string thread) => $"c:{{{S(site)}}}:thread-all:{T(thread)}";
    public static RedisKey ThreadDigests(string site, string thread) => $"c:{{{S(site)}}}:thread-digests:{T(thread)}";
    /// <summary>
    /// Set when a text is saved in a thread: the save's duplicate condition watches this one key, so saves
    /// of other texts to the same thread (on any node) do not abort each other, as watching the set did.
    /// </summary>
    public static RedisKey ThreadText(string site, string thread, string textDigest) => $"c:{{{S(site)}}}:thread-text:{T(thread)}:{Hex(textDigest)}";
    /// <summary>Sorted set of the site's threads by creation time.</summary>
    public static RedisKey Threads(string site) => $"c:{{{S(site)}}}:threads";
    /// <summary>Sorted set of comment ids by sequence, one per status: the moderation queues.</summary>
    public static RedisKey Status(string site, CommentStatus status) => $"c:{{{S(site)}}}:status:{status.ToLowerName()}";
    public static RedisKey Author(string site, string emailDigest) => $"c:{{{S(site)}}}:author:{emailDigest}";
    public static RedisKey Idempotency(string site, string key) => $"c:{{{S(site)}}}:idem:{Ids.IdempotencyKey(key)}";
    public static RedisKey Bans(string site) => $"c:{{{S(site)}}}:bans";
    public static RedisKey Flood(string site, string key) => $"c:{{{S(site)}}}:flood:{key}";
    /// <summary>Sorted set of published comment ids (by sequence) that readers flagged up to the site's threshold.</summary>
    public static RedisKey Reported(string site) => $"c:{{{S(site)}}}:reported";
    /// <summary>Hash of one comment's reader flags: reader key → reason.</summary>
    public static RedisKey Flags(string site, string id) => $"c:{{{S(site)}}}:flags:{C(id)}";
    public static RedisKey AuditSequence(string site) => $"c:{{{S(site)}}}:audit:seq";
    /// <summary>Sorted set of audit entries (JSON) by audit sequence.</summary>
    public static RedisKey Audit(string site) => $"c:{{{S(site)}}}:audit";
    public static RedisKey AuditOfComment(string site, string id) => $"c:{{{S(site)}}}:audit:comment:{C(id)}";
    /// <summary>Hash of training labels: comment id → the latest moderator decision (JSON).</summary>
    public static RedisKey Labels(string site) => $"c:{{{S(site)}}}:labels";
    /// <summary>Hash of moderator keys written by the admin CLI: SHA-256 of the key (hex) → moderator (JSON). Spans sites, so no site tag.</summary>
    public static RedisKey Moderators() => "c:moderators";
    /// <summary>The generated key that signs author tokens when none is configured. Spans sites, so no site tag.</summary>
    public static RedisKey ServerSecret() => "c:server-secret";
    /// <summary>Sorted set of the long transactions writing now (member: a writer's id, score: when its turn lapses, ms): <see cref="CheckpointTurns"/>. Spans sites, so no site tag.</summary>
    public static RedisKey CheckpointHolds() => "c:checkpoint-holds";
    /// <summary>Set while the embedded store takes a checkpoint: <see cref="CheckpointTurns"/>. Spans sites, so no site tag.</summary>
    public static RedisKey Checkpointing() => "c:checkpointing";
    /// <summary>
    /// Requests of one address (its digest) under one rate-limit policy in one fixed window (its index since 1970).
    /// Spans sites (a limit is per address), so the hash tag is the address: one key per command, spread over a cluster.
    /// </summary>
    public static RedisKey RequestWindow(string policy, string addressDigest, long window) =>
        $"c:rate:{{{Hex(addressDigest)}}}:{Policy(policy)}:{window}";
    /// <summary>Set of reader digests that liked one comment.</summary>
    public static RedisKey Likers(string site, string id) => $"c:{{{S(site)}}}:likers:{C(id)}";
    /// <summary>Hash of a thread's like counts: comment id → likes.</summary>
    public static RedisKey ThreadLikes(string site, string thread) => $"c:{{{S(site)}}}:thread-likes:{T(thread)}";
    /// <summary>Likes given to one comment from one address digest (expires after a day).</summary>
    public static RedisKey LikesFromAddress(string site, string id, string addressDigest) => $"c:{{{S(site)}}}:likes-from:{C(id)}:{addressDigest}";
    /// <summary>Hash of one day's counters of a site (decisions, moderators' actions and agreement): counter → count; expires after a year and a bit.</summary>
    public static RedisKey StatsDay(string site, DateOnly day) => $"c:{{{S(site)}}}:stats:{day:yyyy-MM-dd}";
    /// <summary>Hash of one import source's rows already imported: source id (a WordPress comment id, a Disqus post id) → the importer's record of our comment.</summary>
    public static RedisKey ImportMap(string site, string source) => $"c:{{{S(site)}}}:import:{ImportSource(source)}";

    /// <summary>Sorted set of outbox item ids by due time (ms since 1970); a claimed item's score is its lease's end.</summary>
    public static RedisKey Outbox(string site) => $"c:{{{S(site)}}}:outbox";
    /// <summary>Hash of outbox items: item id → the item (JSON).</summary>
    public static RedisKey OutboxItems(string site) => $"c:{{{S(site)}}}:outbox-items";
    /// <summary>Hash of claims per outbox item: item id → times claimed.</summary>
    public static RedisKey OutboxAttempts(string site) => $"c:{{{S(site)}}}:outbox-attempts";
    /// <summary>Sorted set of message ids the outbox sent, by the time they were sent.</summary>
    public static RedisKey OutboxSent(string site) => $"c:{{{S(site)}}}:outbox-sent";
    /// <summary>List of dead letters (JSON), newest first.</summary>
    public static RedisKey OutboxDead(string site) => $"c:{{{S(site)}}}:outbox-dead";
    /// <summary>Sorted set of a moderator's (digest of the name) open alert batch: <c>held:{comment}</c> / <c>reported:{comment}</c> → ms added.</summary>
    public static RedisKey AlertBatch(string site, string moderatorDigest) => $"c:{{{S(site)}}}:alert-batch:{Hex(moderatorDigest)}";
    /// <summary>String: the token of the moderator's open alert batch, whose mail is queued.</summary>
    public static RedisKey AlertOpen(string site, string moderatorDigest) => $"c:{{{S(site)}}}:alert-open:{Hex(moderatorDigest)}";
    /// <summary>String: when the moderator's last alert batch was sealed (ms since 1970).</summary>
    public static RedisKey AlertLast(string site, string moderatorDigest) => $"c:{{{S(site)}}}:alert-last:{Hex(moderatorDigest)}";
    /// <summary>Sorted set: a sealed alert batch's entries, kept until its mail is sent.</summary>
    public static RedisKey AlertSealed(string site, string batchDigest) => $"c:{{{S(site)}}}:alert-sealed:{Hex(batchDigest)}";
    /// <summary>Hash of one subscriber: <c>email</c> → the address; <c>thread:{id}</c> / <c>posts</c> → <c>p</c> (pending) or <c>c</c> (confirmed).</summary>
    public static RedisKey Subscriber(string site, string emailDigest) => $"c:{{{S(site)}}}:subscriber:{Hex(emailDigest)}";
    /// <summary>Set of the digests of the addresses that confirmed follow-up comments of a thread.</summary>
    public static RedisKey ThreadSubscribers(string site, string thread) => $"c:{{{S(site)}}}:thread-subscribers:{T(thread)}";
    /// <summary>Set while an address may not get another confirmation mail (one a day).</summary>
    public static RedisKey ConfirmationSent(string site, string emailDigest) => $"c:{{{S(site)}}}:confirmation-sent:{Hex(emailDigest)}";
    public static RedisKey PersonalDataLinkSent(string site, string emailDigest) => $"c:{{{S(site)}}}:personal-data-link-sent:{Hex(emailDigest)}";
    /// <summary>Set of the digests of the addresses that confirmed the site's new posts.</summary>
    public static RedisKey PostSubscribers(string site) => $"c:{{{S(site)}}}:post-subscribers";
    /// <summary>An announced post (JSON), by the digest of its URL: set once, so a post is announced once.</summary>
    public static RedisKey Post(string site, string urlDigest) => $"c:{{{S(site)}}}:post:{Hex(urlDigest)}";
    /// <summary>The open digest batch of a frequency (<c>daily</c>, <c>weekly</c>): its id (ms since 1970), expiring when it is due.</summary>
    public static RedisKey PostDigestOpen(string site, Core.Subscriptions.PostFrequency frequency) => $"c:{{{S(site)}}}:post-digest-open:{Core.Posts.PostIds.Name(frequency)}";
    /// <summary>Set of the post digests that go into one digest batch.</summary>
    public static RedisKey PostDigest(string site, Core.Subscriptions.PostFrequency frequency, long batch) => $"c:{{{S(site)}}}:post-digest:{Core.Posts.PostIds.Name(frequency)}:{batch}";
    /// <summary>The node polling the site's feed, until its lease runs out.</summary>
    public static RedisKey FeedLease(string site) => $"c:{{{S(site)}}}:feed-lease";
    /// <summary>Set once the site's feed was read a first time (what was there then was recorded, not announced).</summary>
    public static RedisKey FeedSeen(string site) => $"c:{{{S(site)}}}:feed-seen";
    /// <summary>Set of comment ids that go into one thread's batch mail of one time window.</summary>
    public static RedisKey ThreadDigest(string site, string thread, long window) => $"c:{{{S(site)}}}:thread-digest:{window}:{T(thread)}";

    /// <summary>
    /// The pub/sub channel of version bumps (<see cref="ThreadChanges"/>): one for all sites, messages "site\nthread".
    /// Under the store's <c>c:</c> prefix, so apart from the SignalR backplane's channels (named after the hub's type).
    /// </summary>
    public static RedisChannel ThreadChanges() => RedisChannel.Literal("c:thread-changes");

    /// <summary>SCAN patterns for a personal-data request (keys that are not indexed by author). Only digests and the site id go in.</summary>
    public static class Patterns
    {
        public static RedisValue Flags(string site) => $"c:{{{S(site)}}}:flags:*";
        public static RedisValue Idempotency(string site) => $"c:{{{S(site)}}}:idem:*";
        public static RedisValue LikesFromAddress(string site, string addressDigest) => $"c:{{{S(site)}}}:likes-from:*:{Hex(addressDigest)}";
    }

    private static string Hex(string digest) => digest.Length is > 0 and <= 64 && digest.All(char.IsAsciiHexDigitLower) ? digest : throw new InvalidIdException("digest");
    private static string ImportSource(string source) => source is "wxr" or "disqus" ? source : throw new InvalidIdException("import source");
    private static string Policy(string policy) => policy.Length is > 0 and <= 32 && policy.All(char.IsAsciiLetterLower) ? policy : throw new InvalidIdException("rate-limit policy");
    private static string S(string site) => Ids.Site(site);
    private static string T(string thread) => Ids.Thread(thread);
    private static string C(string id) => Ids.Comment(id);

    public static class ThreadFields
    {
        public const string CreatedAt = "created";
        public const string Title = "title";
        public const string Url = "url";
        public const string Closed = "closed";
        public const string Version = "ver";
    }
}
