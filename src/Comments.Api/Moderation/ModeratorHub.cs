using Comments.Core.Moderation;
using Comments.Core.Sites;
using Microsoft.AspNetCore.SignalR;

namespace Comments.Api.Moderation;

/// <summary>
/// The moderators' live queue. A connection authenticated by a moderator key joins the group of
/// every site that key may moderate. Its one method tells a client which sites it hears; since
/// a connection's invocations run only after it has joined its groups, the answer also means
/// "from now on you miss nothing" (pages load the queue after it).
/// </summary>
public sealed class ModeratorHub(SiteDirectory sites) : Hub<IModeratorClient>
{
    public static string GroupOf(string site) => $"moderators:{site}";

    public override async Task OnConnectedAsync()
    {
        var who = ModeratorKeyAuthentication.ModeratorOf(Context.User!);
        foreach (var site in sites.All.Where(s => who.MaySee(s.Id)))
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(site.Id));
        await base.OnConnectedAsync();
    }

    public string[] Listening()
    {
        var who = ModeratorKeyAuthentication.ModeratorOf(Context.User!);
        return sites.All.Where(s => who.MaySee(s.Id)).Select(s => s.Id).Order(StringComparer.Ordinal).ToArray();
    }
}
