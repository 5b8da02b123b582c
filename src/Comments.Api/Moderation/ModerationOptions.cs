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

    /// <summary>
    /// <see cref="ModeratorAlerts.Immediate"/> alerts coalesce a burst: after an alert mail, a moderator's next
    /// one waits at least this long, and lists everything that arrived meanwhile.
    /// </summary>
    public double AlertCoalesceSeconds { get; set; } = 60;
}

/// <summary>Whether and how a moderator is mailed about held and reported comments on their sites (needs <c>Mail:Host</c>).</summary>
public enum ModeratorAlerts
{
    Off,
    /// <summary>A mail as comments arrive, at most one per <see cref="ModerationOptions.AlertCoalesceSeconds"/>.</summary>
    Immediate,
    /// <summary>One mail per <see cref="ConfiguredModerator.DigestMinutes"/> (from the first comment it lists).</summary>
    Digest,
}

public sealed class ConfiguredModerator
{
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; set; } = "";
    public ModeratorRole Role { get; set; } = ModeratorRole.Moderator;
    /// <summary>The sites a <see cref="ModeratorRole.Moderator"/> may work; ignored for admins.</summary>
    public List<string> Sites { get; set; } = [];
    /// <summary>Where alerts go; required unless <see cref="Alerts"/> is Off. Never shown to anyone.</summary>
    public string? Email { get; set; }
    public ModeratorAlerts Alerts { get; set; } = ModeratorAlerts.Off;
    /// <summary>The digest's interval.</summary>
    public double DigestMinutes { get; set; } = 60;

    public bool Moderates(string site) => Role == ModeratorRole.Admin || Sites.Contains(site, StringComparer.Ordinal);
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
            if (!Enum.IsDefined(m.Alerts)) errors.Add($"Moderation:Moderators:{i}:Alerts must be Off, Immediate or Digest.");
            if (m.Alerts != ModeratorAlerts.Off && !MimeKit.MailboxAddress.TryParse(m.Email ?? "", out _))
                errors.Add($"Moderation:Moderators:{i}:Email must be an address when Alerts is {m.Alerts}.");
            if (m.DigestMinutes is not (>= 0.01 and <= 10_080)) errors.Add($"Moderation:Moderators:{i}:DigestMinutes must be between 0.01 and 10080 (a week).");
        }
        if (options.AlertCoalesceSeconds is not (>= 0 and <= 86_400)) errors.Add("Moderation:AlertCoalesceSeconds must be between 0 and 86400.");
        return errors.Count > 0 ? ValidateOptionsResult.Fail("Invalid Moderation configuration: " + string.Join(" ", errors)) : ValidateOptionsResult.Success;
    }
}
