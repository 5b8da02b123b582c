using Comments.Api.Tests.Infrastructure;

namespace Comments.Api.Tests.Durability;

/// <summary>
/// The embedded store starts only when it can be used safely; otherwise the service exits with 1
/// and a message that names the data folder and what to do, and leaves the folder as it was.
/// </summary>
public sealed class StartupRefusalTests
{
    /// <summary>
    /// A Garnet 2.2.8 append-only-file record that commits a transaction: the log's length prefix
    /// (16 bytes follow), then the AOF header (version 5, op type 0x21 TxnCommit). 0x20 is TxnStart.
    /// </summary>
    private static readonly byte[] TxnCommitRecord = [0xff, 0xff, 0xff, 0xff, 0x10, 0x00, 0x00, 0x00, 0x05, 0x00, 0x21];

    [Fact]
    public async Task An_append_only_file_that_does_not_replay_stops_the_service_with_exit_1_and_leaves_the_folder_as_it_was()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-torn-").FullName;
        try
        {
            var env = TestSites.Environment(dataDir, null, FreePort.Next());
            await using (var service = await ServiceProcess.StartAsync(env))
            {
                using var client = service.CreateClient();
                for (var i = 0; i < 5; i++) await client.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply($"before the tear {i}"));
                await service.KillAsync();
            }

            // What a kill inside MULTI/EXEC followed by a start that appended after it leaves behind: a
            // transaction start where its commit should be, so the next transaction of that session nests.
            var aof = Path.Combine(dataDir, "checkpoints", "AOF", "aof.log.0");
            var bytes = await File.ReadAllBytesAsync(aof, TestContext.Current.CancellationToken);
            var at = bytes.AsSpan().IndexOf(TxnCommitRecord);
            Assert.True(at >= 0, "no transaction commit found in the append-only file");
            bytes[at + TxnCommitRecord.Length - 1] = 0x20;
            await File.WriteAllBytesAsync(aof, bytes, TestContext.Current.CancellationToken);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(env));
            Assert.Contains("exited with 1 before it started", refused.Message);
            Assert.Contains($"The embedded store in {dataDir} could not replay its append-only file", refused.Message);
            Assert.Contains("No nested transactions expected", refused.Message);
            Assert.Contains("restore the folder from a backup, or move it aside", refused.Message);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(aof, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_service_on_the_same_data_folder_exits_with_1_and_the_first_keeps_serving()
    {
        var dataDir = Directory.CreateTempSubdirectory("comments-locked-").FullName;
        try
        {
            await using var first = await ServiceProcess.StartAsync(TestSites.Environment(dataDir, null, FreePort.Next()));
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(
                () => ServiceProcess.StartAsync(TestSites.Environment(dataDir, null, FreePort.Next())));
            Assert.Contains("exited with 1 before it started", refused.Message);
            Assert.Contains($"The data folder {dataDir} is in use by another process", refused.Message);

            using var client = first.CreateClient();
            await client.PublishAsync(TestSites.Open, TestSites.NewThread(), TestApi.Reply("the first one still writes"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_exits_with_1_and_says_so()
    {
        // A folder in which nobody, root included, may create a file (the tests may run as root, for whom chmod is no bar).
        const string unwritable = "/proc/self";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServiceProcess.StartAsync(TestSites.Environment(unwritable, null, FreePort.Next())));
        Assert.Contains("exited with 1 before it started", refused.Message);
        Assert.Contains("cannot be written", refused.Message);
        Assert.DoesNotContain("Unhandled exception", refused.Message);
    }
}
