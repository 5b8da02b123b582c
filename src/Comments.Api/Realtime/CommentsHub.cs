using Comments.Core.Comments;
using Comments.Core.Sites;
using Comments.Core.Submissions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Comments.Api.Realtime;

/// <summary>
/// Readers follow threads here and are sent new, changed and removed comments by
/// <see cref="CommentBroadcaster"/>. The hub only manages membership: it holds no business logic.
/// </summary>
public sealed class CommentsHub(SiteDirectory sites, IOptions<RealtimeOptions> realtime) : Hub<ICommentsClient>
{
    public const string Path = "/hubs/comments";

    private const string JoinedKey = "comments.threads";

    /// <summary>Start receiving the thread's events. Idempotent. After a reconnect, join again and catch up with <c>GET …/comments?after=</c>.</summary>
    public async Task JoinThread(string site, string thread)
    {
        var group = GroupFor(site, thread);
        var joined = Joined();
        lock (joined)
        {
            if (!joined.Contains(group) && joined.Count >= realtime.Value.MaxThreadsPerConnection)
                throw Refuse(ErrorCodes.RealtimeTooManyThreads, $"A connection follows at most {realtime.Value.MaxThreadsPerConnection} threads; leave one first.");
            joined.Add(group);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
    }

    /// <summary>Stop receiving the thread's events. Leaving a thread not joined does nothing.</summary>
    public async Task LeaveThread(string site, string thread)
    {
        var group = GroupFor(site, thread);
        var joined = Joined();
        lock (joined)
        {
            if (!joined.Remove(group)) return;
        }
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
    }

    /// <summary>The SignalR group of a thread. It carries the site, so two sites' threads never share a group.</summary>
    public static string GroupName(string site, string thread) => $"thread:{site}:{thread}";

    private string GroupFor(string site, string thread)
    {
        if (sites.Find(site ?? "") is null) throw Refuse(ErrorCodes.RealtimeUnknownSite, "No such site.");
        if (!Ids.IsThread(thread)) throw Refuse(ErrorCodes.RealtimeBadThread, "Not a valid thread id.");
        return GroupName(site!, thread);
    }

    private HashSet<string> Joined()
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is HashSet<string> joined) return joined;
        joined = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[JoinedKey] = joined;
        return joined;
    }

    private static HubException Refuse(string code, string text) => new($"{code}: {text}");
}
