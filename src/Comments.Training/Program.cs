using Comments.Training.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
