using Comments.Training.Cli;

namespace Comments.Training.Tests;

/// <summary>The training CLI's command line itself: what is refused (exit 2, the message and the usage on stderr) and what is accepted.</summary>
public sealed class CommandLineUsageTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => TrainingCli.Run(args);

    [Theory]
    [InlineData("missing command: train, evaluate or perturb")]
    [InlineData("missing command: train, evaluate or perturb", "--kind", "spam")]
    [InlineData("unknown command 'fit'", "fit", "--kind", "spam")]
    [InlineData("unexpected value 'spam'", "train", "spam")]
    [InlineData("unknown option(s): --kinds, --dta", "train", "--kinds", "spam", "--dta", "x.jsonl")]
    [InlineData("--kind is required", "train", "--data", "x.jsonl")]
    [InlineData("--kind must be spam or toxicity", "evaluate", "--kind", "ham", "--data", "x.jsonl")]
    [InlineData("--threshold must be a number", "evaluate", "--kind", "spam", "--data", "x.jsonl", "--threshold", "high")]
    [InlineData("--out takes one value", "perturb", "--data", "x.jsonl", "--out", "a.jsonl", "b.jsonl")]
    public void A_command_line_that_cannot_run_exits_2_with_the_reason_and_the_usage_on_stderr(string reason, params string[] args)
    {
        var run = Run(args);
        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        Assert.Contains($"error: {reason}", run.Err);
        Assert.Contains(CommandLine.Usage, run.Err);
    }

    [Theory]
    [InlineData("--data", "a.jsonl", "b.jsonl")]
    [InlineData("--data", "a.jsonl,b.jsonl")]
    [InlineData("--data", "a.jsonl", "--data", "b.jsonl")]
    public void Several_data_files_may_follow_one_option_be_comma_separated_or_repeat_the_option(params string[] data)
    {
        // Neither file exists: the command got past its command line to the data, and names the first file.
        var run = Run(["perturb", .. data, "--out", "never-written.jsonl"]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("a.jsonl", run.Err);
        Assert.DoesNotContain(CommandLine.Usage, run.Err);
    }
}
