namespace Comments.Training.Cli;

/// <summary>A command line that cannot be run; the message says what to change.</summary>
public sealed class UsageException(string message) : Exception(message);
