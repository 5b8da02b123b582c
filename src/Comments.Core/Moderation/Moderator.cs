namespace Comments.Core.Moderation;

public enum ModeratorRole
{
    /// <summary>Works the queues of the sites listed for it.</summary>
    Moderator,
    /// <summary>Works every site.</summary>
    Admin,
}

/// <summary>Who is acting: resolved from an API key, never from anything the client claims.</summary>
public sealed record Moderator(string Name, ModeratorRole Role, IReadOnlyList<string> Sites)
{
    public bool MaySee(string site) => Role == ModeratorRole.Admin || Sites.Contains(site, StringComparer.Ordinal);
}
