using Comments.Core.Moderation;

namespace Comments.Api.Moderation;

/// <summary>
/// The <c>Moderation</c> section. Keys are never configured, only their SHA-256 digests
/// (<c>Moderation__Moderators__0__KeyHash</c>); <c>comments-admin hash-key</c> prints one.
/// More moderators can be written to the store with <c>comments-admin add-moderator</c>.
/// </summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    public List<ConfiguredModerator> Moderators { get; set; } = [];
}

public sealed class ConfiguredModerator
{
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; set; } = "";
    public ModeratorRole Role { get; set; } = ModeratorRole.Moderator;
    /// <summary>The sites a <see cref="ModeratorRole.Moderator"/> may work; ignored for admins.</summary>
    public List<string> Sites { get; set; } = [];
}
