using Comments.Training.Cli;

namespace Comments.Training.Tests;

/// <summary>The training CLI run in-process, as Program.cs runs it, with its stdout and stderr kept apart.</summary>
internal static class TrainingCli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
