using Comments.Core.Moderation;
using Comments.Core.Sites;
using Microsoft.Extensions.Options;

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

/// <summary>A moderator that could never sign in, or a site that does not exist, stops start-up with the key's name.</summary>
public sealed class ModerationOptionsValidation(SiteDirectory sites) : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        var errors = new List<string>();
        foreach (var (m, i) in options.Moderators.Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(m.Name)) errors.Add($"Moderation:Moderators:{i}:Name is required.");
            if (!ModeratorKeys.IsDigest(m.KeyHash)) errors.Add($"Moderation:Moderators:{i}:KeyHash must be 64 hex characters (SHA-256 of the key).");
            foreach (var site in m.Sites.Where(s => sites.Find(s) is null))
                errors.Add($"Moderation:Moderators:{i}:Sites names an unknown site '{site}'.");
        }
        return errors.Count > 0 ? ValidateOptionsResult.Fail("Invalid Moderation configuration: " + string.Join(" ", errors)) : ValidateOptionsResult.Success;
    }
}
