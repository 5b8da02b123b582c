using System.Security.Cryptography;
using System.Text;

namespace Comments.Admin.Tests;

/// <summary>
/// comments-admin's command line in-process: what it prints, where, and its exit codes (0 done,
/// 1 nothing to do, 2 a command line that cannot run, 3 the store cannot be reached). The
/// commands' work on a store is tested end to end, as a process beside the running service, in
/// Comments.Api.Tests (AdminCliTests).
/// </summary>
public sealed class AdminCommandsTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCommands.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Without_a_command_it_prints_the_usage_to_stderr_and_exits_2()
    {
        var run = await RunAsync();
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains(AdminCommands.Usage, run.Err);
    }

    [Fact]
    public async Task An_unknown_command_prints_the_usage_and_exits_2()
    {
        var run = await RunAsync("drop-everything", "--redis", "127.0.0.1:1");
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains(AdminCommands.Usage, run.Err);
    }

    [Fact]
    public async Task Hash_key_prints_the_lower_case_sha256_of_the_key_and_nothing_else()
    {
        var run = await RunAsync("hash-key", "mk_some_key");
        Assert.Equal(0, run.Exit);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mk_some_key"))), run.Out.Trim());
        Assert.Equal("", run.Err);
    }

    [Theory]
    [InlineData("--redis", "hash-key")]
    [InlineData("--redis", "add-moderator", "--name", "ann", "--site", "demo")]
    [InlineData("--name", "add-moderator", "--redis", "127.0.0.1:1", "--site", "demo")]
    [InlineData("--site", "add-moderator", "--redis", "127.0.0.1:1", "--name", "ann")]
    [InlineData("--role", "add-moderator", "--redis", "127.0.0.1:1", "--name", "ann", "--role", "owner")]
    [InlineData("--key-hash", "remove-moderator", "--redis", "127.0.0.1:1")]
    [InlineData("--site", "export-labels", "--redis", "127.0.0.1:1", "--task", "spam")]
    [InlineData("--task", "export-labels", "--redis", "127.0.0.1:1", "--site", "demo", "--task", "ham")]
    [InlineData("--site", "rename-thread-keys", "--redis", "127.0.0.1:1", "--site", "Not A Site!")]
    [InlineData("--sites", "add-moderator", "--redis", "127.0.0.1:1", "--name", "ann", "--sites", "demo")]
    [InlineData("--force", "remove-moderator", "--redis", "127.0.0.1:1", "--key-hash", "00", "--force")]
    public async Task A_missing_or_wrong_option_is_named_on_stderr_with_the_usage_and_exits_2_before_any_store_is_reached(string named, params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.Exit == 2, run.Err);
        Assert.Equal("", run.Out);
        // hash-key has no options: what it lacks is the key; every other case names its option.
        if (args[0] == "hash-key") Assert.Contains("key", run.Err);
        else Assert.Contains(named, run.Err.Replace(AdminCommands.Usage, ""));
        Assert.Contains(AdminCommands.Usage, run.Err);
        Assert.DoesNotContain("Cannot reach the store", run.Err);
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_exits_3_saying_so()
    {
        var run = await RunAsync("remove-moderator", "--redis", $"127.0.0.1:{FreePort.Next()}", "--key-hash", "00");
        Assert.Equal(3, run.Exit);
        Assert.StartsWith("Cannot reach the store", run.Err);
    }

    [Fact]
    public async Task A_moderator_added_to_a_redis_store_is_removed_by_its_key_hash_once_and_then_is_not_found()
    {
        StoreBackend.SkipUnlessRedis();
        // A database no other test uses, so the moderators hash here is this test's own.
        var store = $"{StoreBackend.Redis!.RedisAddress},defaultDatabase=12";

        var added = await RunAsync("add-moderator", "--redis", store, "--name", "ann", "--site", "demo", "--site", "blog");
        Assert.True(added.Exit == 0, added.Err);
        var key = added.Out.Trim();
        Assert.StartsWith("mk_", key);
        var hash = (await RunAsync("hash-key", key)).Out.Trim();

        var removed = await RunAsync("remove-moderator", "--redis", store, "--key-hash", hash);
        Assert.Equal((0, "removed"), (removed.Exit, removed.Out.Trim()));
        var again = await RunAsync("remove-moderator", "--redis", store, "--key-hash", hash);
        Assert.Equal(1, again.Exit);
        Assert.Equal("No moderator has that key hash in the store.", again.Err.Trim());
    }
}
