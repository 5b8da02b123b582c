using Comments.Training.Data;

namespace Comments.Training.Cli;

/// <summary>Dispatches a command; errors go to stderr with exit 2 (usage) or 1 (data), stdout stays clean.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage:
          train    --kind spam|toxicity --data FILE... [--negatives FILE...] [--weight SOURCE=W ...] [--train-split train,...]
                   [--exclude-group G ...] [--balance-classes] [--holdout] [--l2 X] [--l1 X]
                   [--nb-alpha X] [--nb-beta X] [--out models/]
          evaluate --kind spam|toxicity [--model ZIP] --data FILE... [--split S] [--source S] [--group G]
                   [--threshold T] [--perturb SEED [--technique NAME]] [--all-negative] [--decisions [--models DIR] [--site NAME=VALUE ...]] [--json]
          perturb  --data FILE... [--seed N] --out FILE.jsonl
          promote  --kind spam|toxicity --candidate ZIP [--model ZIP] --data FILE... [--split test] [--tolerance 0.002]
                   replaces the serving model only if the candidate is no worse on every evaluation set (exit 3 if refused)
        FILE is JSONL (text, label, optional split, source, group, weight) or CSV with a text,label header.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var arguments = Arguments.Parse(args);
            return arguments.Command switch
            {
                "train" => TrainCommand.Run(arguments, output, error),
                "evaluate" => EvaluateCommand.Run(arguments, output),
                "perturb" => PerturbCommand.Run(arguments, error),
                "promote" => PromoteCommand.Run(arguments, output),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is MalformedDataException or InvalidDataException or InvalidOperationException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
