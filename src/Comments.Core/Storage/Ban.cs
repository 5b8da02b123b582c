namespace Comments.Core.Storage;

public enum BanKind { Email, Ip, Name }

/// <param name="Value">Email digest, IP address or name key (see <see cref="Comments.AuthorKeys"/>).</param>
/// <param name="ExpiresAt">Null bans for good.</param>
/// <param name="Shown">The value as moderators may see it (a masked email); null on bans made before it was kept.</param>
/// <param name="By">The moderator who made it.</param>
/// <param name="At">When it was made.</param>
public sealed record Ban(BanKind Kind, string Value, DateTimeOffset? ExpiresAt, string? Reason,
    string? Shown = null, string? By = null, DateTimeOffset? At = null)
{
    /// <summary>Names one ban: "email:DIGEST", "ip:ADDRESS" or "name:KEY". Also how a ban is lifted from the list.</summary>
    public static string IdOf(BanKind kind, string value) => $"{kind.ToLowerName()}:{value}";

    public static bool TryParseId(string? id, out BanKind kind, out string value)
    {
        (kind, value) = (default, "");
        var colon = id?.IndexOf(':') ?? -1;
        if (colon <= 0 || colon == id!.Length - 1 || !Enum.TryParse(id[..colon], ignoreCase: true, out kind) || !Enum.IsDefined(kind)) return false;
        value = id[(colon + 1)..];
        return true;
    }
}
