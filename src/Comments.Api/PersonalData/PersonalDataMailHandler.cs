using Comments.Api.Mail;
using Comments.Core.Outbox;
using Comments.Core.PersonalData;
using Comments.Core.Sites;
using Comments.Core.Storage;
using Comments.Core.Subscriptions;

namespace Comments.Api.PersonalData;

/// <summary>
/// Mails a person the signed link to their own personal-data export. The address is found by its digest
/// where the store keeps it (the person's comments, else their subscription); an address the site holds
/// nothing for gets no mail, which the asker cannot tell from the answer (always 202) or its timing (this
/// runs in the outbox worker).
/// </summary>
public sealed class PersonalDataMailHandler(SiteDirectory sites, PersonalDataAddresses addresses, SubscriptionTokens tokens,
    MailComposer composer, TimeProvider clock) : IOutboxHandler
{
    /// <summary>How long a link works, and how long before the same address may be sent another.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(1);

    public string Kind => OutboxKinds.PersonalDataLink;

    public static OutboxItem Item(string site, string digest, DateTimeOffset now) =>
        new($"personal-data:{digest}:{now.ToUnixTimeSeconds()}", OutboxKinds.PersonalDataLink, site, new Dictionary<string, string> { ["digest"] = digest });

    public async Task HandleAsync(ClaimedItem claimed, CancellationToken ct)
    {
        var item = claimed.Item;
        if (sites.Find(item.Site) is not { } site || item.Get("digest") is not { } digest) return;
        if (await addresses.FindAsync(site.Id, digest, ct) is not { } email) return;
        var token = tokens.Create(TokenPurpose.PersonalData, site.Id, digest, LinkLifetime);
        var url = composer.SiteLink(site.Id, "personal-data/export", token);
        await composer.SendOnceAsync(new ReaderMail(site, item.Id, email, digest, null, MailTemplates.PersonalData, new() { ["export_url"] = url },
            Dates: new Dictionary<string, DateTimeOffset> { ["expires"] = clock.GetUtcNow().Add(LinkLifetime) }), ct);
    }
}

/// <summary>An address as the store holds it, found by its digest: from the person's comments, else from their subscription.</summary>
public sealed class PersonalDataAddresses(IPersonalDataIndex index, ICommentStore comments, ISubscriptionStore subscriptions)
{
    public async Task<string?> FindAsync(string site, string digest, CancellationToken ct)
    {
        var subject = await index.LocateAsync(site, "", digest, ct);
        foreach (var id in subject.CommentIds)
            if ((await comments.GetAsync(site, id, ct))?.AuthorEmail is { Length: > 0 } email) return email;
        return (await subscriptions.GetAsync(site, digest, ct))?.Email;
    }
}
