namespace Comments.TestSupport;

/// <summary>The sites every test service is configured with, and a fresh thread id per test.</summary>
public static class TestSites
{
    /// <summary>Post-moderation, name and email required, no flood window.</summary>
    public const string Open = "t-open";
    /// <summary>Pre-moderation: everything is held.</summary>
    public const string Premoderated = "t-pre";
    /// <summary>A 60 s flood window.</summary>
    public const string Flood = "t-flood";
    /// <summary>Name and email optional.</summary>
    public const string Anonymous = "t-anon";
    /// <summary>Replies one level deep at most; authors cannot edit or delete (window 0).</summary>
    public const string Shallow = "t-shallow";
    /// <summary>Post-moderation with the model deciding at the shipped default thresholds.</summary>
    public const string Model = "t-model";
    /// <summary>Pre-moderation, used only by the admin numbers' test, so its day's counters are exact.</summary>
    public const string Stats = "t-stats";
    /// <summary>An erasure deletes the author's text too (<c>ErasedText: Delete</c>).</summary>
    public const string EraseText = "t-erase";
    /// <summary>Personal data kept <see cref="RetainSeconds"/> seconds; the retention job runs about every second on every test service.</summary>
    public const string Retain = "t-retain";
    public const int RetainSeconds = 8;
    /// <summary>The largest file the admin import takes on a test service (<c>Import:MaxFileBytes</c>).</summary>
    public const int ImportMaxFileBytes = 1024 * 1024;

    /// <summary>
    /// The other sites still score every comment, but their thresholds are set above 1 so the
    /// model never decides there: their tests are about storage, paging and validation, and
    /// must not depend on what the shipped model thinks of "comment 3".
    /// </summary>
    private static readonly string[] ModelDoesNotDecide = [Open, Premoderated, Flood, Anonymous, Shallow, Stats, EraseText, Retain];

    public static IReadOnlyDictionary<string, string> Environment(string dataDir, string? redis, int embeddedPort) => new Dictionary<string, string>(TestModerators.Environment)
    {
        ["ConnectionStrings__Redis"] = redis ?? "",
        ["Storage__DataDir"] = dataDir,
        ["Storage__EmbeddedPort"] = embeddedPort.ToString(),
        ["RateLimits__PostsPerMinute"] = "100000",
        ["RateLimits__ReadsPerMinute"] = "100000",
        ["RateLimits__NegotiatesPerMinute"] = "100000",
        // Every test client connects from loopback; the per-address cap has tests of its own.
        ["Limits__MaxConnectionsPerAddress"] = "100000",
        [$"Sites__{Open}__AllowedOrigins__0"] = "http://localhost:*",
        [$"Sites__{Open}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Premoderated}__ModerationMode"] = "Pre",
        [$"Sites__{Premoderated}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Premoderated}__AllowedOrigins__0"] = "http://localhost:*",
        [$"Sites__{Flood}__FloodIntervalSeconds"] = "60",
        [$"Sites__{Anonymous}__RequireNameAndEmail"] = "false",
        [$"Sites__{Anonymous}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Shallow}__MaxDepth"] = "1",
        [$"Sites__{Shallow}__AllowedOrigins__0"] = "http://localhost:*",
        [$"Sites__{Shallow}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Shallow}__AuthorEditWindowMinutes"] = "0",
        [$"Sites__{Model}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Stats}__ModerationMode"] = "Pre",
        [$"Sites__{Stats}__FloodIntervalSeconds"] = "0",
        [$"Sites__{EraseText}__FloodIntervalSeconds"] = "0",
        [$"Sites__{EraseText}__ErasedText"] = "Delete",
        [$"Sites__{Retain}__FloodIntervalSeconds"] = "0",
        [$"Sites__{Retain}__RetainPersonalDataDays"] = (RetainSeconds / 86_400.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ["PersonalData__RetentionCheckMinutes"] = "0.015",
        ["Import__MaxFileBytes"] = ImportMaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Concat(ModelDoesNotDecide.SelectMany(site => new[] { "Spam", "SpamHold", "Toxicity", "ToxicityHold" }
        .Select(t => KeyValuePair.Create($"Sites__{site}__Thresholds__{t}", "1.01"))))
     .ToDictionary();

    public static string NewThread(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}";
}
