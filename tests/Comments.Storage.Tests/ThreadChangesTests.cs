using System.Text.RegularExpressions;

namespace Comments.Storage.Tests;

public sealed class ThreadChangesTests
{
    /// <summary>
    /// A version bump that does not publish leaves every other node serving the old page until its memory's max age
    /// (<see cref="ThreadVersions"/>): <see cref="ThreadChanges.QueueVersionBump"/> is the only code that may bump it.
    /// </summary>
    [Fact]
    public void Only_the_thread_changes_helper_bumps_a_thread_version()
    {
        var bumping = RepoPaths.SourceFiles()
            .Where(f => Path.GetFileName(f.Path) != "ThreadChanges.cs" && Regex.IsMatch(f.Text, @"HashIncrement\w*\([^;]*Fields\.Version"))
            .Select(f => f.Path);
        Assert.Empty(bumping);
    }

    [Theory]
    [InlineData("site", "thread")]
    [InlineData("a-b", "news/2026/11/story")]
    public void A_message_names_its_site_and_thread(string site, string thread)
    {
        Assert.True(ThreadChanges.TryParse(ThreadChanges.Message(site, thread), out var parsedSite, out var parsedThread));
        Assert.Equal((site, thread), (parsedSite, parsedThread));
    }
}
