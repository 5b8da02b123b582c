using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Posts;

/// <summary>The <c>Posts</c> section: the new-posts mail's digest periods and how often a node looks at the sites' feeds.</summary>
public sealed class PostOptions
{
    public const string Section = "Posts";

    /// <summary>A daily-digest subscriber gets at most one mail per this many seconds, gathering the posts announced since the first one in it.</summary>
    [Range(1, 31 * 86_400)] public double DailyDigestSeconds { get; set; } = 86_400;
    /// <summary>The same for a weekly-digest subscriber.</summary>
    [Range(1, 366 * 86_400)] public double WeeklyDigestSeconds { get; set; } = 7 * 86_400;
    /// <summary>How often each node checks whether a site's feed is due (<c>Sites:{id}:FeedPollMinutes</c>).</summary>
    [Range(50, 600_000)] public int FeedCheckMilliseconds { get; set; } = 5_000;
    /// <summary>Seconds a feed request may take.</summary>
    [Range(1, 300)] public int FeedTimeoutSeconds { get; set; } = 20;
    /// <summary>A feed larger than this many bytes is not read.</summary>
    [Range(1024, 64 * 1024 * 1024)] public int FeedMaxBytes { get; set; } = 4 * 1024 * 1024;
}
