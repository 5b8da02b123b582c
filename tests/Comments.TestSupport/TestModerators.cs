using System.Security.Cryptography;
using System.Text;

namespace Comments.TestSupport;

/// <summary>
/// Moderator keys the test services are configured with, as an operator would: only the SHA-256
/// digest of each key is in the environment.
/// </summary>
public static class TestModerators
{
    /// <summary>Moderates <see cref="TestSites.Open"/> and <see cref="TestSites.Premoderated"/>.</summary>
    public const string OpenKey = "mk_test_open_moderator_7f3a9c";
    /// <summary>Moderates <see cref="TestSites.Anonymous"/> only.</summary>
    public const string AnonKey = "mk_test_anon_moderator_51d0e2";
    /// <summary>Moderates every site.</summary>
    public const string AdminKey = "mk_test_admin_c0ffee_9921";

    /// <summary>Reader flags that report a comment on <see cref="TestSites.Open"/>.</summary>
    public const int OpenFlagThreshold = 2;

    public static Dictionary<string, string> Environment { get; } = new()
    {
        ["Moderation__Moderators__0__Name"] = "olivia",
        ["Moderation__Moderators__0__KeyHash"] = Digest(OpenKey),
        ["Moderation__Moderators__0__Sites__0"] = TestSites.Open,
        ["Moderation__Moderators__0__Sites__1"] = TestSites.Premoderated,
        ["Moderation__Moderators__1__Name"] = "arthur",
        ["Moderation__Moderators__1__KeyHash"] = Digest(AnonKey),
        ["Moderation__Moderators__1__Sites__0"] = TestSites.Anonymous,
        ["Moderation__Moderators__2__Name"] = "ada",
        ["Moderation__Moderators__2__KeyHash"] = Digest(AdminKey),
        ["Moderation__Moderators__2__Role"] = "Admin",
        [$"Sites__{TestSites.Open}__FlagThreshold"] = OpenFlagThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
