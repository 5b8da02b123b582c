namespace Comments.Api.Realtime;

/// <summary>
/// Stable codes of the live stream. A hub error reaches the client as
/// <c>"{code}: {text}"</c> in a <see cref="Microsoft.AspNetCore.SignalR.HubException"/>; any other
/// exception reaches it as SignalR's generic message (detailed errors are off).
/// </summary>
public static class RealtimeErrors
{
    public const string UnknownSite = "realtime.unknown_site";
    public const string BadThread = "realtime.bad_thread";
    public const string TooManyThreads = "realtime.too_many_threads";
    public const string TooManyConnections = "realtime.too_many_connections";
}
