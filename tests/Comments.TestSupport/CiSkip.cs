namespace Comments.TestSupport;

/// <summary>
/// The one way a test says it cannot run here (no Redis given, no corpora, no node_modules).
/// On a developer's machine that is a skip with its reason; under CI, which provides all of
/// them, <see cref="RequireAllVariable"/> is set and the same skip fails the test, so a missing
/// prerequisite can never turn into a green run.
/// </summary>
public static class CiSkip
{
    /// <summary>Set to 1 by .ci/run: everything these tests need is there, so nothing may skip.</summary>
    public const string RequireAllVariable = "COMMENTS_TEST_REQUIRE_ALL";

    public static bool RequireAll { get; } = System.Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>Skips the test saying why, or fails it saying why when CI requires every test to run.</summary>
    public static void Now(string reason)
    {
        if (RequireAll) Assert.Fail($"{RequireAllVariable}=1 and this test would skip: {reason}");
        Assert.Skip(reason);
    }
}
