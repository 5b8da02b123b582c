namespace Comments.Core.Sites;

public enum ModerationMode
{
    /// <summary>Comments are published at once unless a rule or the model holds them.</summary>
    Post,
    /// <summary>Every comment waits for a moderator.</summary>
    Pre,
}

/// <summary>One site (a blog, a news site) as configured in the <c>Sites</c> section.</summary>
public sealed class SiteOptions
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Origins allowed by CORS; <c>*</c> stands for any port or any host label (<c>http://localhost:*</c>).</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    public ModerationMode ModerationMode { get; set; } = ModerationMode.Post;
    public bool RequireNameAndEmail { get; set; } = true;
    /// <summary>Reader flags that put a published comment on the moderators' reported queue.</summary>
    public int FlagThreshold { get; set; } = 3;
    /// <summary>Threads stop taking comments this many days after their first comment; null keeps them open.</summary>
    public int? AutoCloseAfterDays { get; set; }
    /// <summary>Depth of the deepest reply; a top-level comment has depth 0.</summary>
    public int MaxDepth { get; set; } = 5;
    /// <summary>Minimum seconds between two comments from the same email or IP; 0 turns the check off.</summary>
    public int FloodIntervalSeconds { get; set; } = 15;
}
