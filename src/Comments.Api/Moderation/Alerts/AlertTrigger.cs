using Comments.Core.Comments;
using Comments.Core.Outbox;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation.Alerts;

/// <summary>
/// A comment held, or put on the reported queue by a reader's flag, on a site with a moderator who wants
/// alerts: one outbox item in the change's own transaction. The item is fanned out to each moderator's
/// alert batch by <see cref="AlertEventHandler"/>.
/// </summary>
public sealed class AlertTrigger(IOptions<ModerationOptions> options) : IOutboxTrigger
{
    public const string EventKind = "mail.alert-event";

    public IEnumerable<OutboxItem> OnPublished(Comment comment) => [];

    public IEnumerable<OutboxItem> OnModeration(ModerationEvent e)
    {
        var what = e.Kind switch
        {
            ModerationEventKind.Held => "held",
            ModerationEventKind.Reported when e.BecameReported => "reported",
            _ => null,
        };
        if (what is null || !AlertEventHandler.Alerted(options.Value, e.Comment.Site).Any()) return [];
        return [new OutboxItem($"alert.{e.Id}", EventKind, e.Comment.Site, new Dictionary<string, string> { ["comment"] = e.Comment.Id, ["event"] = what })];
    }
}
